"""Joint projects of the demo network, one at each stage from idea to completed.

``partners`` are the organisations that run the project with its lead,
``linked`` the placements and calls (by key) that are part of it, and each
update is ``(days ago, {"en": (title, text), "it": (title, text)})``.
"""

PROJECTS = [
    {
        "key": "family-welcome-point",
        "lead": "il-cortile",
        "partners": ["casa-circondariale-villa-ardesia", "orti-di-ponente"],
        "area": "bari",
        "sector": "care",
        "commitment": "occasional",
        "audiences": ["families", "volunteers", "organisations"],
        "stage": "idea",
        "starts_in": None,
        "ends_in": None,
        "closes_in": 40,
        "image": None,
        "linked": ["family-waiting-room"],
        "updates": [
            (
                12,
                {
                    "en": (
                        "The idea, in short",
                        "Families wait outside the gate in all weathers, sometimes for hours. "
                        "We would like a small welcome point with shelter, water, a toilet "
                        "and someone to explain the rules. The prison director has agreed to "
                        "talk about it.",
                    ),
                    "it": (
                        "L'idea, in breve",
                        "Le famiglie aspettano fuori dal cancello con ogni tempo, a volte per "
                        "ore. Vorremmo un piccolo punto di accoglienza con una tettoia, "
                        "l'acqua, un bagno e qualcuno che spieghi le regole. La direzione "
                        "dell'istituto ha accettato di parlarne.",
                    ),
                },
            ),
        ],
        "en": {
            "title": "A welcome point for families at the prison gate",
            "slug": "welcome-point-families-prison-gate",
            "summary": "An idea looking for partners: a sheltered place outside Villa Ardesia "
            "where families can wait, get information and a coffee before a visit.",
            "place": "Outside the Villa Ardesia prison, Bari",
            "goals": "<ul><li>Shelter, water and a toilet for families waiting to visit.</li>"
            "<li>Clear information on visits, parcels and rules, in several languages.</li>"
            "<li>A friendly face, from volunteers who have been there themselves.</li></ul>",
            "outcomes": "",
            "body": [
                (
                    "paragraph",
                    "<p>We are looking for an architect or a builder who could help us design "
                    "a simple structure, and for families willing to tell us what they "
                    "need.</p>",
                ),
            ],
        },
        "it": {
            "title": "Un punto di accoglienza per le famiglie al cancello del carcere",
            "slug": "punto-accoglienza-famiglie-cancello",
            "summary": "Un'idea che cerca partner: un luogo riparato fuori da Villa Ardesia "
            "dove le famiglie possano aspettare, informarsi e bere un caffè prima del "
            "colloquio.",
            "place": "Fuori dalla casa circondariale Villa Ardesia, Bari",
            "goals": "<ul><li>Riparo, acqua e un bagno per le famiglie in attesa del "
            "colloquio.</li>"
            "<li>Informazioni chiare su colloqui, pacchi e regole, in più lingue.</li>"
            "<li>Un volto amico, di volontari che ci sono passati.</li></ul>",
            "outcomes": "",
            "body": [
                (
                    "paragraph",
                    "<p>Cerchiamo un architetto o un'impresa edile che ci aiuti a progettare una "
                    "struttura semplice, e famiglie disposte a raccontarci di cosa hanno "
                    "bisogno.</p>",
                ),
            ],
        },
    },
    {
        "key": "torino-job-desk",
        "lead": "rete-solidale-subalpina",
        "partners": ["granaio-nuovo", "cerchi-aperti"],
        "area": "torino",
        "sector": "community",
        "commitment": "one_off",
        "audiences": ["organisations", "lived_experience", "after_release"],
        "stage": "codesign",
        "starts_in": 90,
        "ends_in": None,
        "closes_in": 8,
        "image": "town",
        "linked": ["job-desk-codesign", "cleaning-public-buildings", "canteen-kitchen"],
        "updates": [
            (
                40,
                {
                    "en": (
                        "Partners agreed to design it together",
                        "The consortium, Granaio Nuovo and Cerchi Aperti signed a letter of "
                        "intent with the probation office and the municipal job centre.",
                    ),
                    "it": (
                        "I partner hanno deciso di progettarlo insieme",
                        "Il consorzio, Granaio Nuovo e Cerchi Aperti hanno firmato una "
                        "lettera d'intenti con l'UEPE e il centro per l'impiego del "
                        "Comune.",
                    ),
                },
            ),
            (
                9,
                {
                    "en": (
                        "First interviews done",
                        "We talked with eleven people who looked for work after prison. The "
                        "most common request: someone who answers the phone, and evening "
                        "opening hours.",
                    ),
                    "it": (
                        "Fatte le prime interviste",
                        "Abbiamo parlato con undici persone che hanno cercato lavoro dopo il "
                        "carcere. La richiesta più frequente: qualcuno che risponda al "
                        "telefono, e un orario serale.",
                    ),
                },
            ),
        ],
        "en": {
            "title": "A job desk for people leaving custody",
            "slug": "job-desk-people-leaving-custody",
            "summary": "We are designing, with the people who will use it, a job desk in "
            "Torino that helps people leaving prison find work and keep it.",
            "place": "Torino, Aurora district",
            "goals": "<ol><li>One place to go for work, training and documents, from the day "
            "of release.</li>"
            "<li>Employers who know whom to call.</li>"
            "<li>A peer worker on the team.</li></ol>",
            "outcomes": "",
            "body": [],
        },
        "it": {
            "title": "Uno sportello lavoro per chi esce dal carcere",
            "slug": "sportello-lavoro-chi-esce-dal-carcere",
            "summary": "Stiamo progettando, con le persone che lo useranno, uno sportello "
            "lavoro a Torino che aiuti chi esce dal carcere a trovare un lavoro e a "
            "mantenerlo.",
            "place": "Torino, quartiere Aurora",
            "goals": "<ol><li>Un solo posto per lavoro, formazione e documenti, dal giorno "
            "dell'uscita.</li>"
            "<li>Datori di lavoro che sanno chi chiamare.</li>"
            "<li>Un operatore alla pari nella squadra.</li></ol>",
            "outcomes": "",
            "body": [],
        },
    },
    {
        "key": "repair-cafe",
        "lead": "ferro-e-vetro",
        "partners": ["uepe-bologna-est", "bucato-chiaro"],
        "area": "san-lazzaro-di-savena",
        "sector": "recycling",
        "commitment": "occasional",
        "audiences": ["anyone", "volunteers", "probation"],
        "stage": "agreed",
        "starts_in": 30,
        "ends_in": 395,
        "closes_in": 28,
        "image": "bicycle",
        "linked": ["bike-workshop-trainee"],
        "updates": [
            (
                20,
                {
                    "en": (
                        "Agreement signed",
                        "The town council gave us a room in the library on Saturday "
                        "mornings. Bucato Chiaro will mend clothes, we will fix bikes and "
                        "small appliances, and the probation office will offer community "
                        "work places.",
                    ),
                    "it": (
                        "Accordo firmato",
                        "Il Comune ci ha concesso una sala della biblioteca il sabato mattina. "
                        "Bucato Chiaro riparerà i vestiti, noi biciclette e piccoli "
                        "elettrodomestici, e l'UEPE offrirà posti per lavori di pubblica "
                        "utilità.",
                    ),
                },
            ),
        ],
        "en": {
            "title": "Repair café in the San Lazzaro library",
            "slug": "repair-cafe-san-lazzaro-library",
            "summary": "Every Saturday morning, bring something broken and fix it with us: "
            "bikes, clothes, lamps. Volunteers and people on community work side by side.",
            "place": "Biblioteca comunale, San Lazzaro di Savena",
            "goals": "<ul><li>Repair 1,000 objects in the first year.</li>"
            "<li>Ten community work places, with a repair skill at the end.</li>"
            "<li>A Saturday meeting point for the neighbourhood.</li></ul>",
            "outcomes": "",
            "body": [],
        },
        "it": {
            "title": "Repair café nella biblioteca di San Lazzaro",
            "slug": "repair-cafe-biblioteca-san-lazzaro",
            "summary": "Ogni sabato mattina porta qualcosa di rotto e riparalo con noi: "
            "biciclette, vestiti, lampade. Volontari e persone in lavori di pubblica utilità "
            "fianco a fianco.",
            "place": "Biblioteca comunale, San Lazzaro di Savena",
            "goals": "<ul><li>Riparare 1.000 oggetti nel primo anno.</li>"
            "<li>Dieci posti per lavori di pubblica utilità, con un mestiere imparato alla "
            "fine.</li>"
            "<li>Un punto d'incontro del sabato per il quartiere.</li></ul>",
            "outcomes": "",
            "body": [],
        },
    },
    {
        "key": "garden-to-market",
        "lead": "orti-di-ponente",
        "partners": ["casa-circondariale-villa-ardesia", "merli-logistica", "il-cortile"],
        "area": "bari",
        "sector": "agriculture",
        "commitment": "job",
        "audiences": ["work_release", "after_release", "volunteers"],
        "stage": "running",
        "starts_in": -300,
        "ends_in": 430,
        "closes_in": None,
        "image": "garden",
        "linked": ["market-gardener", "olive-harvest", "farm-open-day"],
        "updates": [
            (
                210,
                {
                    "en": (
                        "The prison garden is planted",
                        "Eight people inside prepared the beds and planted the first "
                        "tomatoes and peppers, with our agronomist.",
                    ),
                    "it": (
                        "L'orto del carcere è piantato",
                        "Otto persone detenute hanno preparato le aiuole e piantato i primi "
                        "pomodori e peperoni, con il nostro agronomo.",
                    ),
                },
            ),
            (
                95,
                {
                    "en": (
                        "First harvest at the market",
                        "Vegetables from inside reached the Saturday market. Merli Logistica "
                        "now delivers our boxes to twenty families a week, for free.",
                    ),
                    "it": (
                        "Il primo raccolto al mercato",
                        "Le verdure coltivate dentro sono arrivate al mercato del sabato. "
                        "Merli Logistica ora consegna gratis le nostre cassette a venti "
                        "famiglie alla settimana.",
                    ),
                },
            ),
            (
                14,
                {
                    "en": (
                        "Two new placements outside",
                        "Two gardeners who started inside now work on the farm on work release.",
                    ),
                    "it": (
                        "Due nuovi tirocini fuori",
                        "Due ortolani che hanno cominciato dentro ora lavorano in azienda in "
                        "articolo 21.",
                    ),
                },
            ),
        ],
        "en": {
            "title": "From the prison garden to the market",
            "slug": "prison-garden-to-market",
            "summary": "Vegetables grown inside Villa Ardesia are sold at the Bari market, "
            "and the gardeners continue on our farm when they can work outside.",
            "place": "Villa Ardesia prison and Orti di Ponente farm, Bari",
            "goals": "<ul><li>A working garden inside, with training recognised by the "
            "Region.</li>"
            "<li>A path from the garden inside to a paid job outside.</li>"
            "<li>Fresh vegetables for families on a low income.</li></ul>",
            "outcomes": "<ul><li>14 people trained inside so far.</li>"
            "<li>4 now work on the farm on work release or after release.</li>"
            "<li>About 2 tonnes of vegetables sold or given away.</li></ul>",
            "body": [],
        },
        "it": {
            "title": "Dall'orto del carcere al mercato",
            "slug": "dall-orto-del-carcere-al-mercato",
            "summary": "Le verdure coltivate dentro Villa Ardesia si vendono al mercato di "
            "Bari, e gli ortolani continuano nella nostra azienda quando possono lavorare "
            "fuori.",
            "place": "Casa circondariale Villa Ardesia e azienda Orti di Ponente, Bari",
            "goals": "<ul><li>Un orto produttivo dentro, con una formazione riconosciuta "
            "dalla Regione.</li>"
            "<li>Un percorso dall'orto interno a un lavoro retribuito fuori.</li>"
            "<li>Verdura fresca per le famiglie a basso reddito.</li></ul>",
            "outcomes": "<ul><li>14 persone formate dentro finora.</li>"
            "<li>4 lavorano ora in azienda in articolo 21 o a fine pena.</li>"
            "<li>Circa 2 tonnellate di verdura vendute o donate.</li></ul>",
            "body": [],
        },
    },
    {
        "key": "circles-torino-north",
        "lead": "cerchi-aperti",
        "partners": ["rete-solidale-subalpina", "granaio-nuovo"],
        "area": "torino",
        "sector": "community",
        "commitment": "regular",
        "audiences": ["volunteers", "lived_experience"],
        "stage": "running",
        "starts_in": -500,
        "ends_in": 230,
        "closes_in": 25,
        "image": "circle",
        "linked": ["circle-volunteers"],
        "updates": [
            (
                120,
                {
                    "en": (
                        "Six circles at work",
                        "Twenty-two volunteers now meet six people every week in the "
                        "Barriera di Milano and Aurora districts.",
                    ),
                    "it": (
                        "Sei cerchi al lavoro",
                        "Ventidue volontari incontrano ogni settimana sei persone nei "
                        "quartieri Barriera di Milano e Aurora.",
                    ),
                },
            ),
            (
                30,
                {
                    "en": (
                        "A job for a circle member",
                        "After eight months in his circle, Luca started a placement at "
                        "Granaio Nuovo. His volunteers came to the bakery on his first "
                        "morning.",
                    ),
                    "it": (
                        "Un lavoro per un membro del cerchio",
                        "Dopo otto mesi nel suo cerchio, Luca ha cominciato un tirocinio da "
                        "Granaio Nuovo. I suoi volontari sono passati al forno la prima "
                        "mattina.",
                    ),
                },
            ),
        ],
        "en": {
            "title": "Circles of support in north Torino",
            "slug": "circles-support-north-torino",
            "summary": "Circles of trained volunteers support people coming home after long "
            "sentences in north Torino, with the consortium's cooperatives offering work.",
            "place": "Barriera di Milano and Aurora, Torino",
            "goals": "<ul><li>Ten circles running by the end of the project.</li>"
            "<li>No one coming home alone.</li>"
            "<li>A job offer within the first year for everyone who wants one.</li></ul>",
            "outcomes": "<ul><li>6 circles, 22 volunteers trained.</li>"
            "<li>5 of 6 people in stable housing; 3 in work or training.</li></ul>",
            "body": [],
        },
        "it": {
            "title": "Cerchi di sostegno a Torino nord",
            "slug": "cerchi-sostegno-torino-nord",
            "summary": "Cerchi di volontari formati sostengono chi torna a casa dopo lunghe "
            "pene a Torino nord, mentre le cooperative del consorzio offrono lavoro.",
            "place": "Barriera di Milano e Aurora, Torino",
            "goals": "<ul><li>Dieci cerchi attivi entro la fine del progetto.</li>"
            "<li>Nessuno che torni a casa da solo.</li>"
            "<li>Un'offerta di lavoro entro il primo anno per chi la desidera.</li></ul>",
            "outcomes": "<ul><li>6 cerchi, 22 volontari formati.</li>"
            "<li>5 persone su 6 in un alloggio stabile; 3 al lavoro o in formazione.</li></ul>",
            "body": [],
        },
    },
    {
        "key": "anthology",
        "lead": "quattro-torchi",
        "partners": ["ponte-levatoio", "smso-le-filande"],
        "area": "padova",
        "sector": "culture",
        "commitment": "one_off",
        "audiences": ["lived_experience", "families", "anyone"],
        "stage": "completed",
        "starts_in": -400,
        "ends_in": -30,
        "closes_in": None,
        "image": "books",
        "linked": ["zine-stories"],
        "updates": [
            (
                180,
                {
                    "en": (
                        "64 contributions received",
                        "Texts, poems and drawings arrived from inside and outside prison. "
                        "An editorial group of five, three of them with lived experience, "
                        "chose 38.",
                    ),
                    "it": (
                        "Arrivati 64 contributi",
                        "Testi, poesie e disegni sono arrivati da dentro e fuori dal "
                        "carcere. Un gruppo di redazione di cinque persone, tre delle quali "
                        "con esperienza diretta, ne ha scelti 38.",
                    ),
                },
            ),
            (
                35,
                {
                    "en": (
                        "The book is out",
                        "We printed 1,500 copies of \u201cStarting again\u201d and presented "
                        "it at Le Filande, with readings by the authors who wanted to "
                        "read.",
                    ),
                    "it": (
                        "Il libro è uscito",
                        "Abbiamo stampato 1.500 copie di \u00abRicominciare\u00bb e lo abbiamo "
                        "presentato alle Filande, con le letture degli autori che hanno "
                        "voluto leggere.",
                    ),
                },
            ),
        ],
        "en": {
            "title": "Starting again: an anthology from inside and outside",
            "slug": "starting-again-anthology",
            "summary": "A book of 38 texts and drawings about prison, waiting and starting "
            "again, edited and printed together with the people who wrote them.",
            "place": "Padova",
            "goals": "<ul><li>Give a voice to people in prison and their families.</li>"
            "<li>Pay every author for their work.</li>"
            "<li>Print the book in our own workshop, with trainees.</li></ul>",
            "outcomes": "<ul><li>38 authors published and paid.</li>"
            "<li>1,500 copies printed; 900 sold, the rest given to libraries and "
            "schools.</li>"
            "<li>Two trainees learnt bookbinding on this book.</li></ul>",
            "body": [
                (
                    "quote",
                    (
                        "Seeing my name on a real book, next to my daughter's drawing, I "
                        "cried. Good tears.",
                        "One of the authors",
                    ),
                ),
            ],
        },
        "it": {
            "title": "Ricominciare: un'antologia da dentro e da fuori",
            "slug": "ricominciare-antologia",
            "summary": "Un libro di 38 testi e disegni sul carcere, l'attesa e il "
            "ricominciare, curato e stampato insieme a chi li ha scritti.",
            "place": "Padova",
            "goals": "<ul><li>Dare voce alle persone detenute e alle loro famiglie.</li>"
            "<li>Retribuire ogni autore per il suo lavoro.</li>"
            "<li>Stampare il libro nel nostro laboratorio, con i tirocinanti.</li></ul>",
            "outcomes": "<ul><li>38 autori pubblicati e retribuiti.</li>"
            "<li>1.500 copie stampate; 900 vendute, le altre donate a biblioteche e "
            "scuole.</li>"
            "<li>Due tirocinanti hanno imparato la legatoria su questo libro.</li></ul>",
            "body": [
                (
                    "quote",
                    (
                        "Vedere il mio nome su un libro vero, accanto al disegno di mia "
                        "figlia, mi ha fatto piangere. Lacrime buone.",
                        "Una delle autrici",
                    ),
                ),
            ],
        },
    },
]
