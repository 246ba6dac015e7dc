"""Work placements offered by the demo organisations, in English and Italian.

Dates are relative to the day the demo is loaded (``starts_in`` and
``closes_in`` are days from today; a negative closing date makes a closed
placement), so the demo always shows open, closing-soon and closed ones.
"""

PLACEMENTS = [
    {
        "key": "bakery-early-shift",
        "host": "granaio-nuovo",
        "area": "torino",
        "sector": "catering",
        "commitment": "job",
        "audiences": ["work_release", "probation", "after_release"],
        "paid": True,
        "hours": 25,
        "places": 2,
        "starts_in": 35,
        "closes_in": 21,
        "support": ["mentor", "training", "meals"],
        "image": "bread",
        "en": {
            "title": "Bakery assistant, early shift",
            "slug": "bakery-assistant-early-shift",
            "summary": "Learn to make bread and focaccia in our bakery, from 4 to 9 in the "
            "morning, five days a week. A baker works beside you from the first day.",
            "duration": "6 months, then a contract if it works for both of us",
            "stipend": "€650 a month",
            "location": "Via Fossata 57, Torino (bus 4 and 18)",
            "requirements": "No experience needed. You must be able to stand for several "
            "hours and lift 15 kg sacks of flour. Early mornings are part of the job.",
            "how_to_apply": "<p>Ask your probation officer or the prison's education team to "
            "contact us, or write to us yourself. We meet every candidate for a trial "
            "morning in the bakery.</p>",
            "body": [
                (
                    "paragraph",
                    "<p>You will weigh and mix dough, shape loaves, load the ovens and pack the "
                    "deliveries. After three months you will run a shift of the focaccia line "
                    "on your own.</p>",
                ),
            ],
        },
        "it": {
            "title": "Aiuto panettiere, turno del mattino",
            "slug": "aiuto-panettiere-turno-mattino",
            "summary": "Impara a fare pane e focaccia nel nostro forno, dalle 4 alle 9 del "
            "mattino, cinque giorni su sette. Dal primo giorno lavori accanto a un "
            "panettiere.",
            "duration": "6 mesi, poi un contratto se va bene a tutti e due",
            "stipend": "€650 al mese",
            "location": "Via Fossata 57, Torino (bus 4 e 18)",
            "requirements": "Non serve esperienza. Devi poter stare in piedi per diverse ore "
            "e sollevare sacchi di farina da 15 kg. Il lavoro comincia molto presto.",
            "how_to_apply": "<p>Chiedi al tuo funzionario dell'UEPE o all'area educativa "
            "dell'istituto di contattarci, oppure scrivici direttamente. Incontriamo ogni "
            "candidato per una mattina di prova in laboratorio.</p>",
            "body": [
                (
                    "paragraph",
                    "<p>Peserai e impasterai, darai forma alle pagnotte, caricherai i forni e "
                    "preparerai le consegne. Dopo tre mesi gestirai da solo un turno della linea "
                    "focaccia.</p>",
                ),
            ],
        },
    },
    {
        "key": "bread-delivery-driver",
        "host": "granaio-nuovo",
        "area": "moncalieri",
        "sector": "retail",
        "commitment": "job",
        "audiences": ["probation", "after_release"],
        "paid": True,
        "hours": 30,
        "places": 1,
        "starts_in": 14,
        "closes_in": 5,
        "support": ["mentor"],
        "image": None,
        "en": {
            "title": "Delivery driver for the bread round",
            "slug": "delivery-driver-bread-round",
            "summary": "Drive our van to 40 shops and canteens between Torino and "
            "Moncalieri every morning. You load, deliver and collect the empty crates.",
            "duration": "12 months",
            "stipend": "€820 a month",
            "location": "From the bakery in Via Fossata, Torino, to Moncalieri and back",
            "requirements": "A category B driving licence, held for at least a year. Good "
            "manners with customers: you are the face of the bakery.",
            "how_to_apply": "<p>Send us a short message with your phone number. We will call "
            "you back within a week.</p>",
            "body": [],
        },
        "it": {
            "title": "Autista per il giro del pane",
            "slug": "autista-giro-del-pane",
            "summary": "Guida il nostro furgone verso 40 negozi e mense tra Torino e "
            "Moncalieri, ogni mattina. Carichi, consegni e ritiri le cassette vuote.",
            "duration": "12 mesi",
            "stipend": "€820 al mese",
            "location": "Dal forno di Via Fossata, Torino, a Moncalieri e ritorno",
            "requirements": "Patente B da almeno un anno. Gentilezza con i clienti: sei il "
            "volto del nostro forno.",
            "how_to_apply": "<p>Mandaci un breve messaggio con il tuo numero di telefono. Ti "
            "richiamiamo entro una settimana.</p>",
            "body": [],
        },
    },
    {
        "key": "cafe-counter",
        "host": "granaio-nuovo",
        "area": "torino",
        "sector": "catering",
        "commitment": "job",
        "audiences": ["after_release", "lived_experience", "anyone"],
        "paid": True,
        "hours": 20,
        "places": 1,
        "starts_in": 50,
        "closes_in": 40,
        "support": ["training", "meals"],
        "image": "cafe",
        "en": {
            "title": "Café counter and till",
            "slug": "cafe-counter-and-till",
            "summary": "Serve coffee, bread and pastries in our café next to the bakery, "
            "weekday afternoons. You will learn the espresso machine, the till and stock.",
            "duration": "6 months",
            "stipend": "€600 a month",
            "location": "Caffè del Granaio, Via Fossata 55, Torino",
            "requirements": "You enjoy meeting people. Basic Italian for talking with "
            "customers. We teach the rest.",
            "how_to_apply": "<p>Come by the café any afternoon and ask for Lucia, or write to "
            "us.</p>",
            "body": [],
        },
        "it": {
            "title": "Banco e cassa del bar",
            "slug": "banco-e-cassa-del-bar",
            "summary": "Servi caffè, pane e paste nel bar accanto al forno, nei pomeriggi "
            "dei giorni feriali. Imparerai a usare la macchina dell'espresso, la cassa e il "
            "magazzino.",
            "duration": "6 mesi",
            "stipend": "€600 al mese",
            "location": "Caffè del Granaio, Via Fossata 55, Torino",
            "requirements": "Ti piace stare con la gente. Un italiano di base per parlare "
            "con i clienti. Il resto lo impari con noi.",
            "how_to_apply": "<p>Passa al bar un pomeriggio qualsiasi e chiedi di Lucia, "
            "oppure scrivici.</p>",
            "body": [],
        },
    },
    {
        "key": "laundry-operator",
        "host": "bucato-chiaro",
        "area": "bologna",
        "sector": "laundry",
        "commitment": "job",
        "audiences": ["work_release", "probation"],
        "paid": True,
        "hours": 30,
        "places": 3,
        "starts_in": 30,
        "closes_in": 28,
        "support": ["mentor", "training", "transport"],
        "image": "laundry",
        "en": {
            "title": "Laundry operator",
            "slug": "laundry-operator",
            "summary": "Load washers and dryers, run the ironing roller and fold hotel linen "
            "in a team of eight. Morning or afternoon shift, Monday to Saturday.",
            "duration": "12 months, renewable",
            "stipend": "€700 a month",
            "location": "Via del Lavoro 31, Bologna (bus 20, stop Pilastro)",
            "requirements": "No experience needed. The work is physical and the laundry is "
            "warm in summer. Safety shoes are provided.",
            "how_to_apply": "<p>Your probation officer or the prison's education team can "
            "propose you directly. You can also call us and ask for Davide.</p>",
            "body": [
                (
                    "paragraph",
                    "<p>Shifts are planned a month ahead and adapted to your appointments. If "
                    "you are on work release, we agree your timetable with the prison.</p>",
                ),
            ],
        },
        "it": {
            "title": "Addetto alla lavanderia",
            "slug": "addetto-lavanderia",
            "summary": "Carica lavatrici ed essiccatoi, usa il mangano e piega la biancheria "
            "degli alberghi in una squadra di otto. Turno di mattina o di pomeriggio, dal "
            "lunedì al sabato.",
            "duration": "12 mesi, rinnovabili",
            "stipend": "€700 al mese",
            "location": "Via del Lavoro 31, Bologna (bus 20, fermata Pilastro)",
            "requirements": "Non serve esperienza. È un lavoro fisico e d'estate in "
            "lavanderia fa caldo. Le scarpe antinfortunistiche le forniamo noi.",
            "how_to_apply": "<p>Il tuo funzionario dell'UEPE o l'area educativa "
            "dell'istituto possono proporti direttamente. Puoi anche telefonarci e chiedere "
            "di Davide.</p>",
            "body": [
                (
                    "paragraph",
                    "<p>I turni sono organizzati con un mese di anticipo e tengono conto dei tuoi "
                    "appuntamenti. Se sei in articolo 21, concordiamo l'orario con "
                    "l'istituto.</p>",
                ),
            ],
        },
    },
    {
        "key": "tailoring-trainee",
        "host": "bucato-chiaro",
        "area": "casalecchio-di-reno",
        "sector": "laundry",
        "commitment": "job",
        "audiences": ["probation", "after_release", "lived_experience"],
        "paid": True,
        "hours": 20,
        "places": 2,
        "starts_in": 21,
        "closes_in": 3,
        "support": ["mentor", "training"],
        "image": None,
        "en": {
            "title": "Tailoring and repairs trainee",
            "slug": "tailoring-repairs-trainee",
            "summary": "Learn to mend work clothes and sew bags from old hotel sheets in our "
            "tailoring workshop. Four mornings a week with an experienced tailor.",
            "duration": "6 months (regional training placement)",
            "stipend": "€450 a month",
            "location": "Via Marconi 88, Casalecchio di Reno",
            "requirements": "Good eyesight and patience. Some sewing helps but is not required.",
            "how_to_apply": "<p>Write to us or ask the job centre to send your details. The "
            "placement is registered with the Emilia-Romagna employment agency.</p>",
            "body": [],
        },
        "it": {
            "title": "Tirocinio in sartoria e riparazioni",
            "slug": "tirocinio-sartoria-riparazioni",
            "summary": "Impara a riparare abiti da lavoro e a cucire borse dalle lenzuola "
            "degli alberghi nel nostro laboratorio di sartoria. Quattro mattine alla "
            "settimana con una sarta esperta.",
            "duration": "6 mesi (tirocinio formativo regionale)",
            "stipend": "€450 al mese",
            "location": "Via Marconi 88, Casalecchio di Reno",
            "requirements": "Buona vista e pazienza. Saper già cucire aiuta, ma non è necessario.",
            "how_to_apply": "<p>Scrivici o chiedi al centro per l'impiego di mandarci i tuoi "
            "dati. Il tirocinio è attivato con l'Agenzia regionale per il lavoro "
            "dell'Emilia-Romagna.</p>",
            "body": [],
        },
    },
    {
        "key": "hotel-linen-ironing",
        "host": "bucato-chiaro",
        "area": "bologna",
        "sector": "laundry",
        "commitment": "job",
        "audiences": ["work_release", "after_release", "anyone"],
        "paid": True,
        "hours": 20,
        "places": 2,
        "starts_in": 45,
        "closes_in": 35,
        "support": ["training"],
        "image": None,
        "en": {
            "title": "Linen ironing, afternoon shift",
            "slug": "linen-ironing-afternoon-shift",
            "summary": "Iron and fold tablecloths and shirts for hotels and restaurants, "
            "from 2 to 6 in the afternoon. A calm, precise job in a small team.",
            "duration": "6 months",
            "stipend": "€550 a month",
            "location": "Via del Lavoro 31, Bologna",
            "requirements": "Care and precision. You will be on your feet for four hours.",
            "how_to_apply": "<p>Call us or write to us with your availability.</p>",
            "body": [],
        },
        "it": {
            "title": "Stiro biancheria, turno pomeridiano",
            "slug": "stiro-biancheria-turno-pomeridiano",
            "summary": "Stira e piega tovaglie e camicie per alberghi e ristoranti, dalle 14 "
            "alle 18. Un lavoro tranquillo e preciso, in una piccola squadra.",
            "duration": "6 mesi",
            "stipend": "€550 al mese",
            "location": "Via del Lavoro 31, Bologna",
            "requirements": "Cura e precisione. Starai in piedi per quattro ore.",
            "how_to_apply": "<p>Telefonaci o scrivici indicando la tua disponibilità.</p>",
            "body": [],
        },
    },
    {
        "key": "market-gardener",
        "host": "orti-di-ponente",
        "area": "bari",
        "sector": "agriculture",
        "commitment": "job",
        "audiences": ["work_release", "probation", "after_release"],
        "paid": True,
        "hours": 30,
        "places": 2,
        "starts_in": 30,
        "closes_in": 30,
        "support": ["mentor", "training", "transport", "meals"],
        "image": "garden",
        "en": {
            "title": "Market gardener",
            "slug": "market-gardener",
            "summary": "Sow, plant, weed and harvest vegetables on our organic farm, working "
            "outdoors with a team of six. Lunch together every day.",
            "duration": "8 months, March to October",
            "stipend": "€700 a month",
            "location": "Strada vicinale Lama Balice 9, Bari (we pick you up at the station)",
            "requirements": "You like working outdoors in all weather. No experience needed.",
            "how_to_apply": "<p>Ask the prison's education team or your probation officer, "
            "or come to our open day and talk to us.</p>",
            "body": [
                (
                    "paragraph",
                    "<p>At the end of the placement you receive a certificate for the hours of "
                    "agricultural training, recognised by the Region of Puglia.</p>",
                ),
            ],
        },
        "it": {
            "title": "Orticoltore",
            "slug": "orticoltore",
            "summary": "Semina, trapianta, zappa e raccogli ortaggi nella nostra azienda "
            "biologica, all'aperto con una squadra di sei persone. Ogni giorno si pranza "
            "insieme.",
            "duration": "8 mesi, da marzo a ottobre",
            "stipend": "€700 al mese",
            "location": "Strada vicinale Lama Balice 9, Bari (ti veniamo a prendere in stazione)",
            "requirements": "Ti piace lavorare all'aperto con ogni tempo. Non serve esperienza.",
            "how_to_apply": "<p>Chiedi all'area educativa dell'istituto o al tuo funzionario "
            "dell'UEPE, oppure vieni alla nostra giornata aperta a parlare con noi.</p>",
            "body": [
                (
                    "paragraph",
                    "<p>Alla fine del tirocinio ricevi un attestato delle ore di formazione "
                    "agricola, riconosciuto dalla Regione Puglia.</p>",
                ),
            ],
        },
    },
    {
        "key": "farm-shop-market",
        "host": "orti-di-ponente",
        "area": "modugno",
        "sector": "retail",
        "commitment": "job",
        "audiences": ["after_release", "anyone"],
        "paid": True,
        "hours": 18,
        "places": 1,
        "starts_in": 5,
        "closes_in": -6,
        "support": ["training"],
        "image": None,
        "en": {
            "title": "Farm shop and Saturday market",
            "slug": "farm-shop-saturday-market",
            "summary": "Sell our vegetables and oil at the farm shop on weekday evenings and "
            "at the Modugno market on Saturday mornings.",
            "duration": "6 months",
            "stipend": "€500 a month",
            "location": "Farm shop in Bari and the Saturday market in Piazza Garibaldi, Modugno",
            "requirements": "Confident with money and with people. Early start on Saturdays.",
            "how_to_apply": "<p>Write to us with a few lines about yourself.</p>",
            "body": [],
        },
        "it": {
            "title": "Spaccio aziendale e mercato del sabato",
            "slug": "spaccio-e-mercato-del-sabato",
            "summary": "Vendi le nostre verdure e il nostro olio allo spaccio nelle sere "
            "feriali e al mercato di Modugno il sabato mattina.",
            "duration": "6 mesi",
            "stipend": "€500 al mese",
            "location": "Spaccio aziendale a Bari e mercato del sabato in Piazza Garibaldi, "
            "Modugno",
            "requirements": "Dimestichezza con i soldi e con le persone. Il sabato si "
            "comincia presto.",
            "how_to_apply": "<p>Scrivici qualche riga su di te.</p>",
            "body": [],
        },
    },
    {
        "key": "olive-harvest",
        "host": "orti-di-ponente",
        "area": "bari",
        "sector": "agriculture",
        "commitment": "job",
        "audiences": ["work_release", "probation", "after_release", "anyone"],
        "paid": True,
        "hours": 36,
        "places": 4,
        "starts_in": 25,
        "closes_in": 12,
        "support": ["transport", "meals"],
        "image": "olives",
        "en": {
            "title": "Olive harvest crew",
            "slug": "olive-harvest-crew",
            "summary": "Join our harvest crew for the olive season: nets, rakes and crates, "
            "six hours a day in the groves, then the mill. Seasonal and paid by the hour.",
            "duration": "About 10 weeks, October to December",
            "stipend": "€9.50 an hour",
            "location": "Olive groves between Bari and Modugno; transport from Bari station",
            "requirements": "Good physical health. Work gloves and boots are provided.",
            "how_to_apply": "<p>Call us or write to us before the closing date. We form the "
            "crews in the last week of September.</p>",
            "body": [],
        },
        "it": {
            "title": "Squadra per la raccolta delle olive",
            "slug": "squadra-raccolta-olive",
            "summary": "Entra nella squadra della raccolta delle olive: reti, rastrelli e "
            "cassette, sei ore al giorno tra gli ulivi, poi il frantoio. Lavoro stagionale "
            "pagato a ore.",
            "duration": "Circa 10 settimane, da ottobre a dicembre",
            "stipend": "€9,50 l'ora",
            "location": "Uliveti tra Bari e Modugno; trasporto dalla stazione di Bari",
            "requirements": "Buona forma fisica. Guanti e stivali li forniamo noi.",
            "how_to_apply": "<p>Telefonaci o scrivici entro la scadenza. Formiamo le squadre "
            "nell'ultima settimana di settembre.</p>",
            "body": [],
        },
    },
    {
        "key": "print-finishing",
        "host": "quattro-torchi",
        "area": "padova",
        "sector": "printing",
        "commitment": "job",
        "audiences": ["probation", "after_release", "work_release"],
        "paid": True,
        "hours": 25,
        "places": 1,
        "starts_in": 28,
        "closes_in": 18,
        "support": ["mentor", "training"],
        "image": "print",
        "en": {
            "title": "Print finishing assistant",
            "slug": "print-finishing-assistant",
            "summary": "Cut, fold, staple and bind what our presses print: leaflets, posters "
            "and books. Careful hands matter more than experience.",
            "duration": "6 months, renewable",
            "stipend": "€650 a month",
            "location": "Via Tommaseo 72, Padova (tram stop Stazione)",
            "requirements": "Attention to detail. You will learn to use the guillotine "
            "safely in your first week.",
            "how_to_apply": "<p>Ask your probation officer to contact us, or visit the "
            "workshop on a Tuesday morning.</p>",
            "body": [],
        },
        "it": {
            "title": "Aiuto in legatoria e allestimento",
            "slug": "aiuto-legatoria-allestimento",
            "summary": "Taglia, piega, cuci e rilega ciò che stampiamo: volantini, manifesti e "
            "libri. Contano più le mani attente che l'esperienza.",
            "duration": "6 mesi, rinnovabili",
            "stipend": "€650 al mese",
            "location": "Via Tommaseo 72, Padova (fermata del tram Stazione)",
            "requirements": "Precisione. Nella prima settimana imparerai a usare la "
            "taglierina in sicurezza.",
            "how_to_apply": "<p>Chiedi al tuo funzionario dell'UEPE di contattarci, oppure "
            "vieni a trovarci in laboratorio il martedì mattina.</p>",
            "body": [],
        },
    },
    {
        "key": "graphic-design-trainee",
        "host": "quattro-torchi",
        "area": "padova",
        "sector": "printing",
        "commitment": "job",
        "audiences": ["after_release", "lived_experience", "anyone"],
        "paid": True,
        "hours": 20,
        "places": 1,
        "starts_in": 70,
        "closes_in": 60,
        "support": ["mentor", "training"],
        "image": None,
        "en": {
            "title": "Graphic design trainee",
            "slug": "graphic-design-trainee",
            "summary": "Lay out leaflets, posters and book covers with our designer, using "
            "free software. For someone who draws, or has always wanted to learn.",
            "duration": "6 months",
            "stipend": "€500 a month",
            "location": "Via Tommaseo 72, Padova",
            "requirements": "Basic computer skills. Bring a few drawings or photos you like "
            "to the interview: there is no wrong answer.",
            "how_to_apply": "<p>Write to us and tell us, in a few lines, why the job "
            "interests you.</p>",
            "body": [],
        },
        "it": {
            "title": "Tirocinio in grafica",
            "slug": "tirocinio-grafica",
            "summary": "Impagina volantini, manifesti e copertine con il nostro grafico, "
            "usando software libero. Per chi disegna, o ha sempre voluto imparare.",
            "duration": "6 mesi",
            "stipend": "€500 al mese",
            "location": "Via Tommaseo 72, Padova",
            "requirements": "Conoscenze di base del computer. Porta al colloquio qualche "
            "disegno o foto che ti piace: non ci sono risposte sbagliate.",
            "how_to_apply": "<p>Scrivici e raccontaci in poche righe perché ti interessa.</p>",
            "body": [],
        },
    },
    {
        "key": "reuse-sorting",
        "host": "ferro-e-vetro",
        "area": "bologna",
        "sector": "recycling",
        "commitment": "job",
        "audiences": ["work_release", "probation", "after_release"],
        "paid": True,
        "hours": 30,
        "places": 3,
        "starts_in": 20,
        "closes_in": 14,
        "support": ["mentor", "training"],
        "image": "recycling",
        "en": {
            "title": "Sorting operator at the reuse centre",
            "slug": "sorting-operator-reuse-centre",
            "summary": "Receive, check and sort furniture, books and household goods at our "
            "reuse centre, and get them ready for sale. A team job with plenty of variety.",
            "duration": "12 months",
            "stipend": "€750 a month",
            "location": "Via Stendhal 15, Bologna",
            "requirements": "You can lift moderate weights and work in a team. A forklift "
            "licence is welcome but not needed.",
            "how_to_apply": "<p>Your probation officer or the prison can propose you. You can "
            "also write to us.</p>",
            "body": [],
        },
        "it": {
            "title": "Addetto alla selezione al centro del riuso",
            "slug": "addetto-selezione-centro-riuso",
            "summary": "Ricevi, controlla e seleziona mobili, libri e oggetti per la casa al "
            "nostro centro del riuso, e preparali per la vendita. Un lavoro di squadra, mai "
            "uguale.",
            "duration": "12 mesi",
            "stipend": "€750 al mese",
            "location": "Via Stendhal 15, Bologna",
            "requirements": "Sai sollevare pesi moderati e lavorare in squadra. Il patentino "
            "del muletto è gradito ma non necessario.",
            "how_to_apply": "<p>Può proporti il tuo funzionario dell'UEPE o l'istituto. Puoi "
            "anche scriverci.</p>",
            "body": [],
        },
    },
    {
        "key": "bike-workshop-trainee",
        "host": "ferro-e-vetro",
        "area": "san-lazzaro-di-savena",
        "sector": "crafts",
        "commitment": "job",
        "audiences": ["probation", "after_release", "lived_experience"],
        "paid": True,
        "hours": 20,
        "places": 2,
        "starts_in": 16,
        "closes_in": 2,
        "support": ["mentor", "training"],
        "image": "bicycle",
        "en": {
            "title": "Bicycle workshop trainee",
            "slug": "bicycle-workshop-trainee",
            "summary": "Learn to repair and rebuild second-hand bicycles in our community "
            "bike workshop, and help customers who bring in their own.",
            "duration": "4 months",
            "stipend": "€450 a month",
            "location": "Ciclofficina, Via Emilia 210, San Lazzaro di Savena",
            "requirements": "Curiosity and a bit of patience. Everything else you learn here.",
            "how_to_apply": "<p>Drop in on a Wednesday afternoon, or write to us.</p>",
            "body": [],
        },
        "it": {
            "title": "Tirocinio in ciclofficina",
            "slug": "tirocinio-ciclofficina",
            "summary": "Impara a riparare e rimettere in strada biciclette usate nella nostra "
            "ciclofficina di quartiere, e aiuta chi porta la propria.",
            "duration": "4 mesi",
            "stipend": "€450 al mese",
            "location": "Ciclofficina, Via Emilia 210, San Lazzaro di Savena",
            "requirements": "Curiosità e un po' di pazienza. Tutto il resto lo impari qui.",
            "how_to_apply": "<p>Passa un mercoledì pomeriggio, oppure scrivici.</p>",
            "body": [],
        },
    },
    {
        "key": "furniture-restoration",
        "host": "ferro-e-vetro",
        "area": "bologna",
        "sector": "crafts",
        "commitment": "job",
        "audiences": ["work_release", "probation"],
        "paid": True,
        "hours": 20,
        "places": 1,
        "starts_in": -5,
        "closes_in": -15,
        "support": ["mentor", "training"],
        "image": None,
        "en": {
            "title": "Furniture restoration apprentice",
            "slug": "furniture-restoration-apprentice",
            "summary": "Sand, repair and varnish chairs, tables and cupboards that families "
            "will take home. A craft you can keep for life.",
            "duration": "6 months",
            "stipend": "€500 a month",
            "location": "Via Stendhal 15, Bologna",
            "requirements": "Steady hands. Dust masks and protective gear are provided.",
            "how_to_apply": "<p>This placement has been filled. Follow our page for the next "
            "one.</p>",
            "body": [],
        },
        "it": {
            "title": "Apprendista nel restauro di mobili",
            "slug": "apprendista-restauro-mobili",
            "summary": "Carteggia, ripara e vernicia sedie, tavoli e armadi che le famiglie "
            "porteranno a casa. Un mestiere che resta per tutta la vita.",
            "duration": "6 mesi",
            "stipend": "€500 al mese",
            "location": "Via Stendhal 15, Bologna",
            "requirements": "Mani ferme. Mascherine e protezioni le forniamo noi.",
            "how_to_apply": "<p>Questo tirocinio è già stato assegnato. Segui la nostra "
            "pagina per il prossimo.</p>",
            "body": [],
        },
    },
    {
        "key": "peer-support-worker",
        "host": "ponte-levatoio",
        "area": "padova",
        "sector": "care",
        "commitment": "job",
        "audiences": ["lived_experience", "after_release"],
        "paid": True,
        "hours": 15,
        "places": 2,
        "starts_in": 40,
        "closes_in": 25,
        "support": ["mentor", "training"],
        "image": "circle",
        "en": {
            "title": "Peer support worker",
            "slug": "peer-support-worker",
            "summary": "Use your own experience to help people in their first weeks after "
            "prison: meet them at the gate, go with them to appointments, listen.",
            "duration": "12 months",
            "stipend": "€600 a month",
            "location": "Via Vittorio Veneto 12, Padova, and around town",
            "requirements": "Your own experience of the justice system, and at least a year "
            "of stability behind you. We provide 40 hours of training before you start, and "
            "weekly supervision.",
            "how_to_apply": "<p>Write to us or come to the guidance desk (Monday, Wednesday "
            "and Friday, 9 to 12). You will meet two of our peer supporters first.</p>",
            "body": [
                (
                    "quote",
                    (
                        "I know what the first night outside feels like. That is why "
                        "people talk to me.",
                        "Sandro, peer supporter",
                    ),
                ),
            ],
        },
        "it": {
            "title": "Operatore alla pari",
            "slug": "operatore-alla-pari",
            "summary": "Metti a frutto la tua esperienza per aiutare chi è appena uscito dal "
            "carcere: accoglierlo all'uscita, accompagnarlo agli appuntamenti, ascoltarlo.",
            "duration": "12 mesi",
            "stipend": "€600 al mese",
            "location": "Via Vittorio Veneto 12, Padova, e in giro per la città",
            "requirements": "Un'esperienza personale del sistema penale e almeno un anno di "
            "stabilità alle spalle. Prima di iniziare offriamo 40 ore di formazione, poi una "
            "supervisione settimanale.",
            "how_to_apply": "<p>Scrivici o vieni allo sportello (lunedì, mercoledì e venerdì, "
            "dalle 9 alle 12). Prima incontrerai due dei nostri operatori alla pari.</p>",
            "body": [
                (
                    "quote",
                    (
                        "So cosa si prova la prima notte fuori. Per questo le persone "
                        "parlano con me.",
                        "Sandro, operatore alla pari",
                    ),
                ),
            ],
        },
    },
    {
        "key": "cleaning-public-buildings",
        "host": "rete-solidale-subalpina",
        "area": "collegno",
        "sector": "cleaning",
        "commitment": "job",
        "audiences": ["work_release", "probation"],
        "paid": True,
        "hours": 30,
        "places": 4,
        "starts_in": 30,
        "closes_in": 20,
        "support": ["mentor", "training", "transport"],
        "image": None,
        "en": {
            "title": "Cleaning team for public buildings",
            "slug": "cleaning-team-public-buildings",
            "summary": "Clean schools, libraries and council offices in Collegno with one of "
            "our member cooperatives. Early morning or evening shifts.",
            "duration": "12 months, then possibly a permanent contract",
            "stipend": "€850 a month",
            "location": "Public buildings in Collegno; you start from Via Pinelli 24, Torino",
            "requirements": "Reliability and punctuality. Training on products and safety is "
            "part of the placement.",
            "how_to_apply": "<p>Placements are agreed with the probation office and the "
            "prison: ask your officer to contact our job desk.</p>",
            "body": [],
        },
        "it": {
            "title": "Squadra pulizie per edifici pubblici",
            "slug": "squadra-pulizie-edifici-pubblici",
            "summary": "Pulisci scuole, biblioteche e uffici comunali di Collegno con una delle "
            "nostre cooperative socie. Turni al mattino presto o di sera.",
            "duration": "12 mesi, poi un possibile contratto stabile",
            "stipend": "€850 al mese",
            "location": "Edifici pubblici di Collegno; si parte da Via Pinelli 24, Torino",
            "requirements": "Affidabilità e puntualità. La formazione su prodotti e sicurezza "
            "fa parte del tirocinio.",
            "how_to_apply": "<p>I tirocini sono concordati con l'UEPE e con l'istituto: chiedi "
            "al tuo funzionario di contattare il nostro sportello lavoro.</p>",
            "body": [],
        },
    },
    {
        "key": "canteen-kitchen",
        "host": "rete-solidale-subalpina",
        "area": "torino",
        "sector": "catering",
        "commitment": "job",
        "audiences": ["work_release", "probation", "after_release"],
        "paid": True,
        "hours": 25,
        "places": 2,
        "starts_in": 15,
        "closes_in": 6,
        "support": ["training", "meals"],
        "image": "kitchen",
        "en": {
            "title": "Canteen kitchen assistant",
            "slug": "canteen-kitchen-assistant",
            "summary": "Prepare vegetables, cook pasta and serve 300 lunches a day in a "
            "hospital staff canteen run by one of our cooperatives.",
            "duration": "6 months",
            "stipend": "€700 a month",
            "location": "Staff canteen, Corso Regina Margherita, Torino",
            "requirements": "A food hygiene certificate (HACCP) is welcome; we can arrange "
            "the course in your first month.",
            "how_to_apply": "<p>Ask your probation officer or write to our job desk.</p>",
            "body": [],
        },
        "it": {
            "title": "Aiuto cuoco in mensa",
            "slug": "aiuto-cuoco-mensa",
            "summary": "Prepara le verdure, cuoci la pasta e servi 300 pranzi al giorno nella "
            "mensa del personale di un ospedale, gestita da una nostra cooperativa.",
            "duration": "6 mesi",
            "stipend": "€700 al mese",
            "location": "Mensa del personale, Corso Regina Margherita, Torino",
            "requirements": "L'attestato HACCP è gradito; se non ce l'hai, organizziamo il "
            "corso nel primo mese.",
            "how_to_apply": "<p>Chiedi al tuo funzionario dell'UEPE o scrivi al nostro "
            "sportello lavoro.</p>",
            "body": [],
        },
    },
    {
        "key": "green-maintenance",
        "host": "rete-solidale-subalpina",
        "area": "moncalieri",
        "sector": "agriculture",
        "commitment": "job",
        "audiences": ["probation", "after_release", "anyone"],
        "paid": True,
        "hours": 25,
        "places": 3,
        "starts_in": 55,
        "closes_in": 45,
        "support": ["mentor", "training", "transport"],
        "image": None,
        "en": {
            "title": "Parks and green maintenance",
            "slug": "parks-green-maintenance",
            "summary": "Mow, prune and plant in Moncalieri's parks and along the Po "
            "riverside, with a team from one of our member cooperatives.",
            "duration": "8 months, April to November",
            "stipend": "€700 a month",
            "location": "Parks of Moncalieri; the team meets at the council depot",
            "requirements": "You enjoy outdoor work. You will be trained to use a strimmer "
            "and a hedge trimmer safely.",
            "how_to_apply": "<p>Write to our job desk or come on Thursday afternoons, 2 to 5.</p>",
            "body": [],
        },
        "it": {
            "title": "Manutenzione di parchi e verde pubblico",
            "slug": "manutenzione-parchi-verde-pubblico",
            "summary": "Taglia l'erba, pota e pianta nei parchi di Moncalieri e lungo il Po, "
            "con la squadra di una nostra cooperativa socia.",
            "duration": "8 mesi, da aprile a novembre",
            "stipend": "€700 al mese",
            "location": "Parchi di Moncalieri; la squadra si ritrova al magazzino comunale",
            "requirements": "Ti piace lavorare all'aperto. Imparerai a usare in sicurezza "
            "decespugliatore e tagliasiepi.",
            "how_to_apply": "<p>Scrivi al nostro sportello lavoro o passa il giovedì "
            "pomeriggio, dalle 14 alle 17.</p>",
            "body": [],
        },
    },
    {
        "key": "warehouse-operative",
        "host": "merli-logistica",
        "area": "modugno",
        "sector": "retail",
        "commitment": "job",
        "audiences": ["work_release", "probation", "after_release"],
        "paid": True,
        "hours": 38,
        "places": 2,
        "starts_in": 40,
        "closes_in": 30,
        "support": ["mentor", "training", "transport"],
        "image": "warehouse",
        "en": {
            "title": "Warehouse operative",
            "slug": "warehouse-operative",
            "summary": "Pick, pack and load orders in our Modugno warehouse, full time, with "
            "a team leader who started here the same way.",
            "duration": "12 months, then a permanent contract for those who want it",
            "stipend": "€1,100 a month",
            "location": "Via dei Trasportatori 8, Modugno (company bus from Bari Centrale)",
            "requirements": "Physical fitness. Shifts rotate between mornings and afternoons.",
            "how_to_apply": "<p>The prison's education team and the probation office know us "
            "well: ask them to propose you. You can also send us your details.</p>",
            "body": [],
        },
        "it": {
            "title": "Magazziniere",
            "slug": "magazziniere",
            "summary": "Prepara, imballa e carica gli ordini nel nostro magazzino di Modugno, "
            "a tempo pieno, con un caposquadra che ha cominciato qui allo stesso modo.",
            "duration": "12 mesi, poi un contratto stabile per chi lo vuole",
            "stipend": "€1.100 al mese",
            "location": "Via dei Trasportatori 8, Modugno (navetta aziendale da Bari Centrale)",
            "requirements": "Buona forma fisica. I turni si alternano tra mattina e pomeriggio.",
            "how_to_apply": "<p>L'area educativa dell'istituto e l'UEPE ci conoscono bene: "
            "chiedi a loro di proporti. Puoi anche mandarci i tuoi dati.</p>",
            "body": [],
        },
    },
    {
        "key": "forklift-trainee",
        "host": "merli-logistica",
        "area": "bari",
        "sector": "retail",
        "commitment": "job",
        "audiences": ["after_release", "anyone"],
        "paid": True,
        "hours": 30,
        "places": 2,
        "starts_in": 7,
        "closes_in": -3,
        "support": ["training"],
        "image": None,
        "en": {
            "title": "Forklift driver trainee",
            "slug": "forklift-driver-trainee",
            "summary": "Get your forklift licence with us and drive in our Bari depot for "
            "three months. The licence is yours to keep.",
            "duration": "3 months",
            "stipend": "€600 a month",
            "location": "Bari depot, Viale Europa",
            "requirements": "At least 18 years old. You must pass a short medical check.",
            "how_to_apply": "<p>This round is closed. The next one opens in spring.</p>",
            "body": [],
        },
        "it": {
            "title": "Tirocinio da carrellista",
            "slug": "tirocinio-carrellista",
            "summary": "Prendi con noi il patentino del muletto e lavora per tre mesi nel "
            "nostro deposito di Bari. Il patentino resta tuo.",
            "duration": "3 mesi",
            "stipend": "€600 al mese",
            "location": "Deposito di Bari, Viale Europa",
            "requirements": "Almeno 18 anni. È prevista una breve visita medica.",
            "how_to_apply": "<p>Questa selezione è chiusa. La prossima si apre in primavera.</p>",
            "body": [],
        },
    },
    {
        "key": "community-cafe-helper",
        "host": "smso-le-filande",
        "area": "padova",
        "sector": "catering",
        "commitment": "regular",
        "audiences": ["after_release", "lived_experience", "anyone"],
        "paid": True,
        "hours": 15,
        "places": 2,
        "starts_in": 10,
        "closes_in": None,
        "support": ["mentor", "meals"],
        "image": None,
        "en": {
            "title": "Community café helper",
            "slug": "community-cafe-helper",
            "summary": "Run the bar of our neighbourhood hall with our members three "
            "afternoons a week: coffee, cards, a chat. A work grant, open until filled.",
            "duration": "6 months",
            "stipend": "€400 a month (work grant)",
            "location": "Via delle Filande 3, Padova",
            "requirements": "Friendliness. You will handle small amounts of cash.",
            "how_to_apply": "<p>Come to the hall any afternoon from 3 o'clock and ask for "
            "Giovanna.</p>",
            "body": [],
        },
        "it": {
            "title": "Aiuto al bar di comunità",
            "slug": "aiuto-bar-di-comunita",
            "summary": "Gestisci il bar della nostra sala di quartiere insieme ai soci, tre "
            "pomeriggi alla settimana: caffè, carte, due chiacchiere. Borsa lavoro, aperta "
            "fino a copertura.",
            "duration": "6 mesi",
            "stipend": "€400 al mese (borsa lavoro)",
            "location": "Via delle Filande 3, Padova",
            "requirements": "Cordialità. Maneggerai piccole somme in contanti.",
            "how_to_apply": "<p>Passa in sala un pomeriggio qualsiasi dalle 15 e chiedi di "
            "Giovanna.</p>",
            "body": [],
        },
    },
]
