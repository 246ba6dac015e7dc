"""Calls for participation published by the demo organisations.

``event`` is ``(days from today, "HH:MM" start, minutes)`` for calls built
around a meeting, a workshop or an open day; ``closes_in`` is the deadline in
days from today (negative: already closed; None: no deadline).
"""

CALLS = [
    {
        "key": "circle-volunteers",
        "host": "cerchi-aperti",
        "area": "torino",
        "sector": "community",
        "commitment": "regular",
        "audiences": ["volunteers", "anyone"],
        "closes_in": 25,
        "event": (10, "18:00", 90),
        "image": "circle",
        "en": {
            "title": "Become a circle volunteer",
            "slug": "become-circle-volunteer",
            "summary": "Join a circle of three or four volunteers who support a person coming "
            "home after a long sentence. One evening a week for a year, with training and "
            "supervision.",
            "what_is_asked": "<ul><li>Thirty hours of training over four weekends.</li>"
            "<li>One meeting a week with the person and the circle, for at least a year.</li>"
            "<li>A monthly supervision evening with our coordinator.</li></ul>",
            "how_to_respond": "<p>Come to the information evening, or respond here and we "
            "will call you for a first conversation. There is no selection test: we meet "
            "everyone.</p>",
            "event_place": "Biblioteca civica Italo Calvino, Lungo Dora Agrigento 94, Torino",
            "body": [
                (
                    "paragraph",
                    "<p>Volunteers are people of every age and background: retired teachers, "
                    "students, a bus driver, a nurse. What they share is patience and the "
                    "willingness to be honest with someone every week.</p>",
                ),
            ],
        },
        "it": {
            "title": "Diventa volontario di un cerchio",
            "slug": "diventa-volontario-cerchio",
            "summary": "Entra in un cerchio di tre o quattro volontari che sostengono una "
            "persona di ritorno a casa dopo una lunga pena. Una sera alla settimana per un "
            "anno, con formazione e supervisione.",
            "what_is_asked": "<ul><li>Trenta ore di formazione in quattro fine "
            "settimana.</li>"
            "<li>Un incontro alla settimana con la persona e il cerchio, per almeno un "
            "anno.</li>"
            "<li>Una serata di supervisione al mese con la nostra coordinatrice.</li></ul>",
            "how_to_respond": "<p>Vieni alla serata informativa, oppure rispondi qui e ti "
            "chiameremo per un primo colloquio. Non c'è nessuna prova di selezione: "
            "incontriamo tutti.</p>",
            "event_place": "Biblioteca civica Italo Calvino, Lungo Dora Agrigento 94, Torino",
            "body": [
                (
                    "paragraph",
                    "<p>I volontari hanno età e storie diverse: insegnanti in pensione, "
                    "studenti, un autista di autobus, un'infermiera. Hanno in comune la pazienza "
                    "e la voglia di essere sinceri con qualcuno ogni settimana.</p>",
                ),
            ],
        },
    },
    {
        "key": "host-community-work",
        "host": "uepe-bologna-est",
        "area": "bologna",
        "sector": "community",
        "commitment": "regular",
        "audiences": ["organisations"],
        "closes_in": 45,
        "event": None,
        "image": None,
        "en": {
            "title": "Host community work in your organisation",
            "slug": "host-community-work",
            "summary": "Associations, parishes, sports clubs and cooperatives: host a person "
            "doing unpaid community work or probation activities, a few hours a week, with "
            "our support.",
            "what_is_asked": "<ul><li>A useful activity: gardening, helping at events, "
            "maintenance, a library, a canteen.</li>"
            "<li>A contact person who welcomes the person and signs the attendance "
            "sheet.</li>"
            "<li>An agreement with the court (we prepare it with you).</li></ul>",
            "how_to_respond": "<p>Respond here with your organisation's name and the "
            "activities you could offer. An officer will visit you within a month.</p>",
            "event_place": "",
            "body": [
                (
                    "paragraph",
                    "<p>You will not be told about the person's case, only what you need to "
                    "organise the activity. Insurance is covered by the scheme.</p>",
                ),
            ],
        },
        "it": {
            "title": "Accogli lavori di pubblica utilità nella tua realtà",
            "slug": "accogli-lavori-pubblica-utilita",
            "summary": "Associazioni, parrocchie, società sportive e cooperative: accogliete "
            "una persona in lavori di pubblica utilità o in messa alla prova, qualche ora "
            "alla settimana, con il nostro sostegno.",
            "what_is_asked": "<ul><li>Un'attività utile: giardinaggio, aiuto negli eventi, "
            "piccola manutenzione, una biblioteca, una mensa.</li>"
            "<li>Un referente che accolga la persona e firmi il foglio presenze.</li>"
            "<li>Una convenzione con il tribunale (la prepariamo insieme).</li></ul>",
            "how_to_respond": "<p>Rispondi qui con il nome della tua organizzazione e le "
            "attività che potresti proporre. Un funzionario verrà a trovarvi entro un "
            "mese.</p>",
            "event_place": "",
            "body": [
                (
                    "paragraph",
                    "<p>Non riceverete informazioni sulla vicenda della persona, solo ciò che "
                    "serve per organizzare l'attività. L'assicurazione è a carico del "
                    "progetto.</p>",
                ),
            ],
        },
    },
    {
        "key": "job-desk-codesign",
        "host": "rete-solidale-subalpina",
        "area": "torino",
        "sector": "community",
        "commitment": "one_off",
        "audiences": ["organisations", "lived_experience", "volunteers"],
        "closes_in": 8,
        "event": (12, "09:30", 210),
        "image": None,
        "en": {
            "title": "Co-design workshop: a job desk for people leaving prison",
            "slug": "codesign-workshop-job-desk",
            "summary": "One morning to design, together, the job desk we are opening in "
            "Torino: what it should offer, where, at what times. Your experience counts more "
            "than your title.",
            "what_is_asked": "<p>Half a day of your time and your honest view. We especially "
            "want to hear from people who have looked for work after prison, employers and "
            "job centre staff.</p>",
            "how_to_respond": "<p>Respond here by the deadline. We cover travel costs and "
            "lunch; people with lived experience receive a €40 voucher for their time.</p>",
            "event_place": "Sala del consorzio, Via Pinelli 24, Torino",
            "body": [],
        },
        "it": {
            "title": "Laboratorio di co-progettazione: uno sportello lavoro per chi esce dal "
            "carcere",
            "slug": "co-progettazione-sportello-lavoro",
            "summary": "Una mattina per progettare insieme lo sportello lavoro che apriamo a "
            "Torino: cosa deve offrire, dove, con quali orari. Conta la tua esperienza più "
            "del tuo titolo.",
            "what_is_asked": "<p>Mezza giornata del tuo tempo e il tuo parere sincero. "
            "Vogliamo ascoltare soprattutto chi ha cercato lavoro dopo il carcere, i datori "
            "di lavoro e gli operatori dei centri per l'impiego.</p>",
            "how_to_respond": "<p>Rispondi qui entro la scadenza. Rimborsiamo il viaggio e "
            "offriamo il pranzo; chi porta la propria esperienza diretta riceve un buono da "
            "€40 per il tempo dedicato.</p>",
            "event_place": "Sala del consorzio, Via Pinelli 24, Torino",
            "body": [],
        },
    },
    {
        "key": "prison-school-tutors",
        "host": "casa-circondariale-villa-ardesia",
        "area": "bari",
        "sector": "education",
        "commitment": "regular",
        "audiences": ["volunteers"],
        "closes_in": 30,
        "event": (15, "17:00", 90),
        "image": "books",
        "en": {
            "title": "Volunteer tutors for the prison school",
            "slug": "volunteer-tutors-prison-school",
            "summary": "Help adults inside prison with reading, maths and Italian for two "
            "hours a week, alongside the school's teachers. Authorisation and induction are "
            "arranged for you.",
            "what_is_asked": "<ul><li>Two hours a week, on a fixed morning, for the school "
            "year.</li>"
            "<li>A short induction and the authorisation to enter (about six weeks).</li>"
            "<li>Discretion: what you hear inside stays inside.</li></ul>",
            "how_to_respond": "<p>Respond here or come to the information meeting. You will "
            "need an identity document for the authorisation.</p>",
            "event_place": "Casa Circondariale Villa Ardesia, visitors' entrance, Via Ardesia "
            "1, Bari",
            "body": [],
        },
        "it": {
            "title": "Tutor volontari per la scuola in carcere",
            "slug": "tutor-volontari-scuola-carcere",
            "summary": "Aiuta gli adulti detenuti con la lettura, la matematica e l'italiano, "
            "due ore alla settimana accanto agli insegnanti. Autorizzazione e formazione "
            "iniziale le organizziamo noi.",
            "what_is_asked": "<ul><li>Due ore alla settimana, in una mattina fissa, per "
            "tutto l'anno scolastico.</li>"
            "<li>Un breve percorso iniziale e l'autorizzazione all'ingresso (circa sei "
            "settimane).</li>"
            "<li>Riservatezza: ciò che ascolti dentro resta dentro.</li></ul>",
            "how_to_respond": "<p>Rispondi qui o vieni all'incontro informativo. Per "
            "l'autorizzazione serve un documento d'identità.</p>",
            "event_place": "Casa Circondariale Villa Ardesia, ingresso visitatori, Via "
            "Ardesia 1, Bari",
            "body": [],
        },
    },
    {
        "key": "family-waiting-room",
        "host": "il-cortile",
        "area": "bari",
        "sector": "care",
        "commitment": "occasional",
        "audiences": ["volunteers", "families", "anyone"],
        "closes_in": None,
        "event": None,
        "image": "cafe",
        "en": {
            "title": "Welcome families in the waiting room",
            "slug": "welcome-families-waiting-room",
            "summary": "On Saturday mornings, families wait hours to visit someone in prison. "
            "Make coffee, play with the children, explain how visits work. Come when you "
            "can.",
            "what_is_asked": "<p>One or two Saturday mornings a month, from 8 to 12. A first "
            "morning alongside one of our volunteers.</p>",
            "how_to_respond": "<p>Respond here, or come to our Tuesday evening meeting at "
            "Piazza Umberto I 21 at 7 pm.</p>",
            "event_place": "",
            "body": [],
        },
        "it": {
            "title": "Accogli le famiglie in sala d'attesa",
            "slug": "accogli-famiglie-sala-attesa",
            "summary": "Il sabato mattina le famiglie aspettano ore per un colloquio in "
            "carcere. Prepara il caffè, gioca con i bambini, spiega come funzionano i "
            "colloqui. Vieni quando puoi.",
            "what_is_asked": "<p>Uno o due sabati mattina al mese, dalle 8 alle 12. La prima "
            "volta sarai affiancato da un nostro volontario.</p>",
            "how_to_respond": "<p>Rispondi qui, oppure vieni al nostro incontro del martedì "
            "alle 19 in Piazza Umberto I 21.</p>",
            "event_place": "",
            "body": [],
        },
    },
    {
        "key": "sunday-lunch-cooks",
        "host": "smso-le-filande",
        "area": "padova",
        "sector": "catering",
        "commitment": "one_off",
        "audiences": ["anyone", "volunteers", "lived_experience"],
        "closes_in": 4,
        "event": (6, "10:00", 300),
        "image": "kitchen",
        "en": {
            "title": "Cook for the Sunday community lunch",
            "slug": "cook-sunday-community-lunch",
            "summary": "Every month sixty neighbours eat together in our hall. Help us cook, "
            "set the tables and wash up. One Sunday, no experience needed.",
            "what_is_asked": "<p>A Sunday from 10 in the morning until the last plate is "
            "washed, around 3. Bring an apron if you have one.</p>",
            "how_to_respond": "<p>Respond here so we know how many cooks to expect.</p>",
            "event_place": "Società di Mutuo Soccorso Le Filande, Via delle Filande 3, Padova",
            "body": [],
        },
        "it": {
            "title": "Cucina per il pranzo della domenica",
            "slug": "cucina-pranzo-della-domenica",
            "summary": "Ogni mese sessanta vicini di casa pranzano insieme nella nostra sala. "
            "Aiutaci a cucinare, apparecchiare e lavare i piatti. Una domenica, non serve "
            "esperienza.",
            "what_is_asked": "<p>Una domenica dalle 10 del mattino fino all'ultimo piatto "
            "lavato, verso le 15. Porta un grembiule, se ce l'hai.</p>",
            "how_to_respond": "<p>Rispondi qui, così sappiamo quanti cuochi aspettarci.</p>",
            "event_place": "Società di Mutuo Soccorso Le Filande, Via delle Filande 3, Padova",
            "body": [],
        },
    },
    {
        "key": "families-consultation",
        "host": "ponte-levatoio",
        "area": "padova",
        "sector": "care",
        "commitment": "one_off",
        "audiences": ["families", "lived_experience"],
        "closes_in": 15,
        "event": (20, "17:30", 120),
        "image": None,
        "en": {
            "title": "What helps families when someone comes home?",
            "slug": "what-helps-families",
            "summary": "If someone in your family has come home from prison, tell us what "
            "helped and what was missing. A short questionnaire or a small group meeting: "
            "you choose.",
            "what_is_asked": "<p>Fifteen minutes for the questionnaire, or two hours at the "
            "group meeting. You can stay anonymous; we never ask about the offence.</p>",
            "how_to_respond": "<p>Respond here to receive the questionnaire, or to book a "
            "place at the meeting. Children are welcome: there is a play corner.</p>",
            "event_place": "Il Ponte Levatoio, Via Vittorio Veneto 12, Padova",
            "body": [
                (
                    "paragraph",
                    "<p>What you tell us will shape the family service we are designing with "
                    "the Padova prison and the municipal social services.</p>",
                ),
            ],
        },
        "it": {
            "title": "Cosa aiuta le famiglie quando qualcuno torna a casa?",
            "slug": "cosa-aiuta-le-famiglie",
            "summary": "Se una persona della tua famiglia è tornata a casa dal carcere, "
            "raccontaci cosa ha aiutato e cosa è mancato. Un breve questionario o un piccolo "
            "incontro di gruppo: scegli tu.",
            "what_is_asked": "<p>Quindici minuti per il questionario, oppure due ore per "
            "l'incontro. Puoi restare anonimo; non chiediamo mai del reato.</p>",
            "how_to_respond": "<p>Rispondi qui per ricevere il questionario o per prenotare "
            "un posto all'incontro. I bambini sono benvenuti: c'è un angolo giochi.</p>",
            "event_place": "Il Ponte Levatoio, Via Vittorio Veneto 12, Padova",
            "body": [
                (
                    "paragraph",
                    "<p>Ciò che ci racconterai darà forma al servizio per le famiglie che "
                    "stiamo progettando con la casa di reclusione di Padova e i servizi sociali "
                    "del Comune.</p>",
                ),
            ],
        },
    },
    {
        "key": "farm-open-day",
        "host": "orti-di-ponente",
        "area": "bari",
        "sector": "agriculture",
        "commitment": "one_off",
        "audiences": ["anyone", "families", "volunteers"],
        "closes_in": 18,
        "event": (20, "09:00", 240),
        "image": "garden",
        "en": {
            "title": "Open day and harvest morning at the farm",
            "slug": "open-day-harvest-morning",
            "summary": "Spend a morning on the farm: pick vegetables with our team, see the "
            "olive grove and stay for bread and oil. Families and children welcome.",
            "what_is_asked": "<p>Comfortable shoes and a hat. Nothing else: the tools are "
            "ours.</p>",
            "how_to_respond": "<p>Respond here so we can plan the bread. Tell us if you need "
            "a lift from Bari station.</p>",
            "event_place": "Orti di Ponente, Strada vicinale Lama Balice 9, Bari",
            "body": [],
        },
        "it": {
            "title": "Giornata aperta e raccolto in azienda",
            "slug": "giornata-aperta-raccolto",
            "summary": "Passa una mattina in azienda: raccogli le verdure con la nostra "
            "squadra, visita l'uliveto e resta per pane e olio. Famiglie e bambini "
            "benvenuti.",
            "what_is_asked": "<p>Scarpe comode e un cappello. Nient'altro: gli attrezzi li "
            "mettiamo noi.</p>",
            "how_to_respond": "<p>Rispondi qui, così sappiamo quanto pane preparare. Dicci se "
            "ti serve un passaggio dalla stazione di Bari.</p>",
            "event_place": "Orti di Ponente, Strada vicinale Lama Balice 9, Bari",
            "body": [],
        },
    },
    {
        "key": "zine-stories",
        "host": "quattro-torchi",
        "area": "padova",
        "sector": "culture",
        "commitment": "one_off",
        "audiences": ["lived_experience", "families"],
        "closes_in": -5,
        "event": None,
        "image": "print",
        "en": {
            "title": "Write a page for our anthology",
            "slug": "write-page-anthology",
            "summary": "We are collecting short texts and drawings about leaving prison, "
            "waiting for someone, starting again. Each published piece is paid €50.",
            "what_is_asked": "<p>A text of up to two pages, a poem or a drawing. You can sign "
            "with your name, initials or nothing at all.</p>",
            "how_to_respond": "<p>Submissions are closed. Thank you to the 64 people who sent "
            "us their work.</p>",
            "event_place": "",
            "body": [],
        },
        "it": {
            "title": "Scrivi una pagina per la nostra antologia",
            "slug": "scrivi-pagina-antologia",
            "summary": "Raccogliamo brevi testi e disegni sull'uscita dal carcere, "
            "sull'attesa di qualcuno, sul ricominciare. Ogni contributo pubblicato è "
            "retribuito con €50.",
            "what_is_asked": "<p>Un testo fino a due pagine, una poesia o un disegno. Puoi "
            "firmare con nome, iniziali o niente del tutto.</p>",
            "how_to_respond": "<p>La raccolta è chiusa. Grazie alle 64 persone che ci hanno "
            "mandato il loro lavoro.</p>",
            "event_place": "",
            "body": [],
        },
    },
    {
        "key": "shops-stock-bread",
        "host": "granaio-nuovo",
        "area": "torino",
        "sector": "retail",
        "commitment": "occasional",
        "audiences": ["organisations"],
        "closes_in": 60,
        "event": None,
        "image": "bread",
        "en": {
            "title": "Shops and canteens: stock our bread",
            "slug": "shops-canteens-stock-our-bread",
            "summary": "Grocers, cafés and school canteens in Torino and Moncalieri: sell "
            "bread baked by our team. Daily delivery before 7, small orders welcome.",
            "what_is_asked": "<p>A standing order, even a small one: every ten shops keep one "
            "more person in work.</p>",
            "how_to_respond": "<p>Respond here with your shop's name and address. We will "
            "bring you a tasting basket.</p>",
            "event_place": "",
            "body": [],
        },
        "it": {
            "title": "Negozi e mense: vendete il nostro pane",
            "slug": "negozi-mense-vendete-nostro-pane",
            "summary": "Alimentari, bar e mense scolastiche di Torino e Moncalieri: vendete il "
            "pane sfornato dalla nostra squadra. Consegna ogni giorno prima delle 7, anche "
            "piccoli ordini.",
            "what_is_asked": "<p>Un ordine fisso, anche piccolo: ogni dieci negozi c'è una "
            "persona in più al lavoro.</p>",
            "how_to_respond": "<p>Rispondi qui con il nome e l'indirizzo del negozio. Ti "
            "porteremo un cestino da assaggiare.</p>",
            "event_place": "",
            "body": [],
        },
    },
]
