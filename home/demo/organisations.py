"""The towns and the organisations of the demo network.

The organisations are fictional: their names, addresses and numbers are made
up (websites and email addresses are on example.org), but each one is the
kind of partner that takes part in community justice in Italy.
"""

# slug -> (municipality, province, region)
AREAS = {
    "torino": ("Torino", "TO", "Piemonte"),
    "moncalieri": ("Moncalieri", "TO", "Piemonte"),
    "collegno": ("Collegno", "TO", "Piemonte"),
    "bologna": ("Bologna", "BO", "Emilia-Romagna"),
    "casalecchio-di-reno": ("Casalecchio di Reno", "BO", "Emilia-Romagna"),
    "san-lazzaro-di-savena": ("San Lazzaro di Savena", "BO", "Emilia-Romagna"),
    "padova": ("Padova", "PD", "Veneto"),
    "abano-terme": ("Abano Terme", "PD", "Veneto"),
    "vigonza": ("Vigonza", "PD", "Veneto"),
    "bari": ("Bari", "BA", "Puglia"),
    "modugno": ("Modugno", "BA", "Puglia"),
    "triggiano": ("Triggiano", "BA", "Puglia"),
}

ORGANISATIONS = [
    {
        "slug": "granaio-nuovo",
        "name": "Granaio Nuovo Cooperativa Sociale",
        "kind": "coop_b",
        "legal_form": "social_coop",
        "areas": ["torino", "moncalieri"],
        "address": "Via Fossata 57, 10147 Torino",
        "lat": "45.092140",
        "lng": "7.685310",
        "phone": "+39 011 019 4410",
        "assets": ["jobs", "training", "food"],
        "logo": ("GN", "#9c4a1a"),
        "description": "A type B social cooperative with a bakery and a café in the Barriera "
        "di Milano district. Half of the bakers started with us on a work placement.",
        "en": {
            "intro": "We bake bread, focaccia and biscuits every night for shops, canteens and "
            "our own café. Most of our bakers came to us from prison or on probation.",
            "body": [
                ("heading", "Who we are"),
                (
                    "paragraph",
                    "<p>Granaio Nuovo started in 2009 with one oven and four members. Today "
                    "twenty-two people work here, and nine of them joined through a placement "
                    "with the UEPE or on work release under Article 21. Everyone learns every "
                    "step: dough, ovens, deliveries, the till.</p>",
                ),
                (
                    "quote",
                    (
                        "The night shift is hard, but at six in the morning you see what "
                        "you made, and so does the whole street.",
                        "Ahmed, baker since 2021",
                    ),
                ),
                ("heading", "Work with us"),
                (
                    "paragraph",
                    "<p>We take on new trainees twice a year. Shops and canteens that want to "
                    "stock our bread can write to us: every order keeps a job going.</p>",
                ),
            ],
        },
        "it": {
            "intro": "Ogni notte sforniamo pane, focaccia e biscotti per negozi, mense e il "
            "nostro bar. La maggior parte dei nostri panettieri è arrivata dal carcere o da "
            "una misura alternativa.",
            "body": [
                ("heading", "Chi siamo"),
                (
                    "paragraph",
                    "<p>Granaio Nuovo è nata nel 2009 con un forno e quattro soci. Oggi ci "
                    "lavorano ventidue persone, e nove di loro sono arrivate con un tirocinio "
                    "dell'UEPE o in articolo 21. Qui tutti imparano tutto: impasto, forni, "
                    "consegne, cassa.</p>",
                ),
                (
                    "quote",
                    (
                        "Il turno di notte è duro, ma alle sei del mattino vedi quello che "
                        "hai fatto, e lo vede tutta la via.",
                        "Ahmed, panettiere dal 2021",
                    ),
                ),
                ("heading", "Lavora con noi"),
                (
                    "paragraph",
                    "<p>Accogliamo nuovi tirocinanti due volte l'anno. I negozi e le mense che "
                    "vogliono vendere il nostro pane possono scriverci: ogni ordine tiene in "
                    "piedi un posto di lavoro.</p>",
                ),
            ],
        },
    },
    {
        "slug": "bucato-chiaro",
        "name": "Bucato Chiaro Cooperativa Sociale",
        "kind": "coop_b",
        "legal_form": "social_coop",
        "areas": ["bologna", "casalecchio-di-reno"],
        "address": "Via del Lavoro 31, 40127 Bologna",
        "lat": "44.508420",
        "lng": "11.370950",
        "phone": "+39 051 018 2290",
        "assets": ["jobs", "training", "workshops"],
        "logo": ("BC", "#1d6fa5"),
        "description": "An industrial laundry and tailoring workshop serving hotels, care "
        "homes and sports clubs around Bologna.",
        "en": {
            "intro": "We wash, iron and mend linen for hotels, care homes and sports clubs. "
            "Our team includes people on probation, on work release and after release.",
            "body": [
                ("heading", "What we do"),
                (
                    "paragraph",
                    "<p>Two shifts a day, six days a week: about three tonnes of linen go through "
                    "our machines. In the tailoring corner in Casalecchio we repair work "
                    "clothes and make bags from old sheets.</p>"
                    "<p>Every new colleague has a tutor for the first three months, and we adapt "
                    "shifts to appointments with the probation office.</p>",
                ),
            ],
        },
        "it": {
            "intro": "Laviamo, stiriamo e ripariamo la biancheria di alberghi, RSA e società "
            "sportive. Nel nostro gruppo ci sono persone in messa alla prova, in articolo 21 "
            "e a fine pena.",
            "body": [
                ("heading", "Cosa facciamo"),
                (
                    "paragraph",
                    "<p>Due turni al giorno, sei giorni su sette: dalle nostre macchine passano "
                    "circa tre tonnellate di biancheria. Nel laboratorio di sartoria di "
                    "Casalecchio ripariamo abiti da lavoro e cuciamo borse dalle lenzuola "
                    "dismesse.</p>"
                    "<p>Chi arriva ha un tutor per i primi tre mesi, e organizziamo i turni "
                    "tenendo conto degli appuntamenti con l'UEPE.</p>",
                ),
            ],
        },
    },
    {
        "slug": "orti-di-ponente",
        "name": "Orti di Ponente Cooperativa Sociale Agricola",
        "kind": "coop_b",
        "legal_form": "social_coop",
        "areas": ["bari", "modugno"],
        "address": "Strada vicinale Lama Balice 9, 70123 Bari",
        "lat": "41.116630",
        "lng": "16.815420",
        "phone": "+39 080 017 3355",
        "assets": ["jobs", "food", "training", "rooms"],
        "logo": ("OP", "#3a7d44"),
        "description": "Six hectares of vegetables and olive groves on the edge of Bari, with "
        "a farm shop and a stall at the weekly market.",
        "en": {
            "intro": "We grow vegetables and olives on six hectares on the edge of Bari and "
            "sell them at our farm shop and the Saturday market. The land gives work to "
            "people on work release and after release.",
            "body": [
                ("heading", "The farm"),
                (
                    "paragraph",
                    "<p>We farm organically, by hand where we can. In spring and summer it is "
                    "tomatoes, courgettes and aubergines; in autumn the olive harvest; in winter "
                    "turnip tops and chicory. Part of the crop comes from the garden inside the "
                    "Villa Ardesia prison, which we run together.</p>",
                ),
                ("heading", "Come and see"),
                (
                    "paragraph",
                    "<p>Our barn is open to neighbourhood groups for meetings and lunches. Ask "
                    "us.</p>",
                ),
            ],
        },
        "it": {
            "intro": "Coltiviamo ortaggi e olive su sei ettari alle porte di Bari e li "
            "vendiamo nel nostro spaccio e al mercato del sabato. La terra dà lavoro a persone "
            "in articolo 21 e a fine pena.",
            "body": [
                ("heading", "L'azienda"),
                (
                    "paragraph",
                    "<p>Coltiviamo in biologico, a mano dove si può. In primavera e in estate "
                    "pomodori, zucchine e melanzane; in autunno la raccolta delle olive; "
                    "d'inverno cime di rapa e cicoria. Una parte del raccolto viene dall'orto "
                    "dentro la casa circondariale Villa Ardesia, che gestiamo insieme.</p>",
                ),
                ("heading", "Vieni a trovarci"),
                (
                    "paragraph",
                    "<p>Il nostro capannone è aperto ai gruppi del quartiere per riunioni e "
                    "pranzi. Chiedici pure.</p>",
                ),
            ],
        },
    },
    {
        "slug": "quattro-torchi",
        "name": "Stamperia Quattro Torchi Cooperativa Sociale",
        "kind": "coop_b",
        "legal_form": "social_coop",
        "areas": ["padova", "vigonza"],
        "address": "Via Tommaseo 72, 35131 Padova",
        "lat": "45.411780",
        "lng": "11.889240",
        "phone": "+39 049 016 7781",
        "assets": ["jobs", "training", "workshops"],
        "logo": ("QT", "#6a3d9a"),
        "description": "A print shop and small publisher: leaflets, books, posters and "
        "bookbinding for associations, schools and the city's cultural life.",
        "en": {
            "intro": "We print leaflets, posters and books, and bind them by hand. Our "
            "printers and designers include people on probation and people who learnt the "
            "trade in prison.",
            "body": [
                ("heading", "The workshop"),
                (
                    "paragraph",
                    "<p>Two digital presses, an old Heidelberg that still runs, a guillotine and "
                    "a bookbinding bench. We print for associations, schools and theatres, and "
                    "publish a small series of books written inside and outside prison.</p>",
                ),
                (
                    "quote",
                    (
                        "Here nobody asks what you did. They ask whether the colours are right.",
                        "Marta, print finishing",
                    ),
                ),
            ],
        },
        "it": {
            "intro": "Stampiamo volantini, manifesti e libri, e li rileghiamo a mano. Tra i "
            "nostri stampatori e grafici ci sono persone in messa alla prova e persone che "
            "hanno imparato il mestiere in carcere.",
            "body": [
                ("heading", "Il laboratorio"),
                (
                    "paragraph",
                    "<p>Due macchine digitali, una vecchia Heidelberg che funziona ancora, una "
                    "taglierina e un banco di legatoria. Stampiamo per associazioni, scuole e "
                    "teatri, e pubblichiamo una piccola collana di libri scritti dentro e fuori "
                    "dal carcere.</p>",
                ),
                (
                    "quote",
                    (
                        "Qui nessuno ti chiede cosa hai fatto. Ti chiedono se i colori sono "
                        "giusti.",
                        "Marta, allestimento stampa",
                    ),
                ),
            ],
        },
    },
    {
        "slug": "ferro-e-vetro",
        "name": "Ferro e Vetro Cooperativa Sociale",
        "kind": "coop_b",
        "legal_form": "social_coop",
        "areas": ["bologna", "san-lazzaro-di-savena"],
        "address": "Via Stendhal 15, 40128 Bologna",
        "lat": "44.521930",
        "lng": "11.359870",
        "phone": "+39 051 014 6620",
        "assets": ["jobs", "workshops", "training"],
        "logo": ("FV", "#2a6f6f"),
        "description": "A reuse centre, a bicycle workshop and a furniture restoration lab: "
        "what others throw away becomes work.",
        "en": {
            "intro": "We collect, sort and repair what others throw away: furniture, "
            "bicycles, household goods. Repair is our trade and our way of giving people a "
            "second start.",
            "body": [
                ("heading", "Three workshops"),
                (
                    "paragraph",
                    "<ul><li><b>The reuse centre</b> in Bologna sorts what comes in from the "
                    "municipal collection points.</li>"
                    "<li><b>The bicycle workshop</b> in San Lazzaro repairs and sells second-hand "
                    "bikes.</li>"
                    "<li><b>The furniture lab</b> restores chairs, tables and cupboards for "
                    "families setting up home.</li></ul>",
                ),
            ],
        },
        "it": {
            "intro": "Raccogliamo, selezioniamo e ripariamo ciò che altri buttano: mobili, "
            "biciclette, oggetti per la casa. Riparare è il nostro mestiere e il nostro modo "
            "di offrire alle persone una seconda partenza.",
            "body": [
                ("heading", "Tre laboratori"),
                (
                    "paragraph",
                    "<ul><li><b>Il centro del riuso</b> a Bologna seleziona ciò che arriva dalle "
                    "stazioni ecologiche comunali.</li>"
                    "<li><b>La ciclofficina</b> a San Lazzaro ripara e vende biciclette usate."
                    "</li>"
                    "<li><b>Il laboratorio di restauro</b> rimette a nuovo sedie, tavoli e "
                    "armadi per le famiglie che arredano casa.</li></ul>",
                ),
            ],
        },
    },
    {
        "slug": "ponte-levatoio",
        "name": "Il Ponte Levatoio Cooperativa Sociale",
        "kind": "coop_a",
        "legal_form": "social_coop",
        "areas": ["padova", "abano-terme"],
        "address": "Via Vittorio Veneto 12, 35128 Padova",
        "lat": "45.402260",
        "lng": "11.884970",
        "phone": "+39 049 011 4523",
        "assets": ["advice", "housing", "peer_support", "rooms"],
        "logo": ("PL", "#c0392b"),
        "description": "A type A social cooperative offering guidance, supported housing and "
        "family support to people leaving prison and their families.",
        "en": {
            "intro": "We help people leaving prison, and their families, with the first "
            "months outside: a place to live, documents, a doctor, a job centre appointment, "
            "someone to talk to.",
            "body": [
                ("heading", "Our services"),
                (
                    "paragraph",
                    "<ul><li>A guidance desk, open three mornings a week, no appointment "
                    "needed.</li>"
                    "<li>Eight supported flats in Padova and Abano Terme.</li>"
                    "<li>Groups for partners, parents and children of people in prison.</li>"
                    "<li>Peer supporters: people who have been through it, trained and paid.</li>"
                    "</ul>",
                ),
            ],
        },
        "it": {
            "intro": "Aiutiamo chi esce dal carcere, e la sua famiglia, nei primi mesi fuori: "
            "una casa, i documenti, il medico, un appuntamento al centro per l'impiego, "
            "qualcuno con cui parlare.",
            "body": [
                ("heading", "I nostri servizi"),
                (
                    "paragraph",
                    "<ul><li>Uno sportello di orientamento aperto tre mattine alla settimana, "
                    "senza appuntamento.</li>"
                    "<li>Otto appartamenti di accoglienza a Padova e ad Abano Terme.</li>"
                    "<li>Gruppi per compagne e compagni, genitori e figli di persone "
                    "detenute.</li>"
                    "<li>Operatori alla pari: persone che ci sono passate, formate e "
                    "retribuite.</li></ul>",
                ),
            ],
        },
    },
    {
        "slug": "rete-solidale-subalpina",
        "name": "Consorzio Rete Solidale Subalpina",
        "kind": "consortium",
        "legal_form": "consortium",
        "areas": ["torino", "collegno", "moncalieri"],
        "address": "Via Pinelli 24, 10144 Torino",
        "lat": "45.081940",
        "lng": "7.668130",
        "phone": "+39 011 012 3456",
        "assets": ["advice", "training", "rooms", "jobs"],
        "logo": ("RS", "#d35400"),
        "description": "A consortium of fourteen social cooperatives in the Torino area, "
        "running shared services, tenders and training.",
        "en": {
            "intro": "Fourteen social cooperatives of the Torino area, working as one: we "
            "bid for contracts together, train together and share a job desk.",
            "body": [
                ("heading", "What the consortium does"),
                (
                    "paragraph",
                    "<p>Our members run cleaning, catering, green maintenance and care services. "
                    "The consortium signs the contracts with councils and hospitals and shares "
                    "the work among members, so even small cooperatives can take on people "
                    "who need a first job.</p>"
                    "<p>With the Torino probation office and the prison we plan placements a "
                    "year ahead, under Article 55 of the Third Sector Code.</p>",
                ),
            ],
        },
        "it": {
            "intro": "Quattordici cooperative sociali dell'area torinese che lavorano come "
            "una sola: partecipiamo insieme alle gare, ci formiamo insieme e condividiamo uno "
            "sportello lavoro.",
            "body": [
                ("heading", "Cosa fa il consorzio"),
                (
                    "paragraph",
                    "<p>Le nostre socie gestiscono pulizie, ristorazione, manutenzione del verde "
                    "e servizi di cura. Il consorzio firma i contratti con comuni e ospedali e "
                    "distribuisce il lavoro tra le socie, così anche le cooperative piccole "
                    "possono accogliere chi cerca un primo lavoro.</p>"
                    "<p>Con l'UEPE e la casa circondariale di Torino programmiamo i tirocini con "
                    "un anno di anticipo, come prevede l'articolo 55 del Codice del Terzo "
                    "settore.</p>",
                ),
            ],
        },
    },
    {
        "slug": "uepe-bologna-est",
        "name": "UEPE Bologna Est – Ufficio di Esecuzione Penale Esterna",
        "kind": "public",
        "legal_form": "public_body",
        "areas": ["bologna", "casalecchio-di-reno", "san-lazzaro-di-savena"],
        "address": "Via Massarenti 140, 40138 Bologna",
        "lat": "44.488310",
        "lng": "11.382540",
        "phone": "+39 051 010 5570",
        "assets": ["advice"],
        "logo": ("UE", "#34495e"),
        "description": "The probation office for the eastern part of the Bologna area: "
        "community sentences, probation and support for people on alternative measures.",
        "en": {
            "intro": "We are the probation office for eastern Bologna. We follow people on "
            "probation and alternative measures, and we look for organisations that can "
            "host community work.",
            "body": [
                ("heading", "Working with the community"),
                (
                    "paragraph",
                    "<p>A sentence served in the community works when the community takes part. "
                    "We need associations, parishes, sports clubs and cooperatives that can "
                    "host unpaid community work (<i>lavori di pubblica utilità</i>) or a "
                    "placement, with a contact person we can rely on.</p>"
                    "<p>We never share anything about a person's case with the organisations "
                    "that host them, beyond what the placement needs.</p>",
                ),
            ],
        },
        "it": {
            "intro": "Siamo l'Ufficio di Esecuzione Penale Esterna per la zona est di Bologna. "
            "Seguiamo le persone in messa alla prova e in misura alternativa, e cerchiamo "
            "realtà che possano accogliere lavori di pubblica utilità.",
            "body": [
                ("heading", "Lavorare con la comunità"),
                (
                    "paragraph",
                    "<p>Una pena scontata nella comunità funziona quando la comunità partecipa. "
                    "Cerchiamo associazioni, parrocchie, società sportive e cooperative che "
                    "possano accogliere lavori di pubblica utilità o un tirocinio, con un "
                    "referente su cui contare.</p>"
                    "<p>Alle realtà che accolgono non comunichiamo nulla della situazione della "
                    "persona, oltre a ciò che serve per l'attività.</p>",
                ),
            ],
        },
    },
    {
        "slug": "casa-circondariale-villa-ardesia",
        "name": "Casa Circondariale Villa Ardesia",
        "kind": "public",
        "legal_form": "public_body",
        "areas": ["bari", "triggiano"],
        "address": "Via Ardesia 1, 70126 Bari",
        "lat": "41.097560",
        "lng": "16.901870",
        "phone": "+39 080 013 8800",
        "assets": ["training", "workshops"],
        "logo": ("VA", "#5d6d7e"),
        "description": "A prison on the southern edge of Bari, with a school, a library, a "
        "garden and workshops run with local cooperatives.",
        "en": {
            "intro": "A prison for about 300 people on the southern edge of Bari. The school, "
            "the library, the garden and the workshops only work because people from "
            "outside come in.",
            "body": [
                ("heading", "Volunteering inside"),
                (
                    "paragraph",
                    "<p>Volunteers teach, run the library, coach football, and welcome families "
                    "in the waiting room. Everyone who comes in is authorised under Article 17 "
                    "or Article 78 of the Penitentiary Act; we guide you through the paperwork "
                    "and a short induction.</p>",
                ),
            ],
        },
        "it": {
            "intro": "Un istituto per circa 300 persone alla periferia sud di Bari. La scuola, "
            "la biblioteca, l'orto e i laboratori funzionano solo perché qualcuno da fuori "
            "entra.",
            "body": [
                ("heading", "Fare volontariato dentro"),
                (
                    "paragraph",
                    "<p>I volontari insegnano, gestiscono la biblioteca, allenano la squadra di "
                    "calcio e accolgono i familiari in sala d'attesa. Chi entra è autorizzato ai "
                    "sensi dell'articolo 17 o 78 dell'Ordinamento penitenziario: ti "
                    "accompagniamo nelle pratiche e in un breve percorso di formazione.</p>",
                ),
            ],
        },
    },
    {
        "slug": "il-cortile",
        "name": "Associazione Il Cortile",
        "kind": "voluntary",
        "legal_form": "association",
        "areas": ["bari", "triggiano"],
        "address": "Piazza Umberto I 21, 70121 Bari",
        "lat": "41.120070",
        "lng": "16.870640",
        "phone": "+39 080 012 6642",
        "assets": ["mentoring", "peer_support", "advice", "food"],
        "logo": ("IC", "#b9770e"),
        "description": "Volunteers who visit the prison and welcome families, started by the "
        "prison chaplaincy in 1998.",
        "en": {
            "intro": "We are volunteers who go into the Villa Ardesia prison every week, and "
            "who welcome the families who come to visit. The chaplaincy started us in 1998.",
            "body": [
                ("heading", "What we do"),
                (
                    "paragraph",
                    "<p>We listen, write letters with those who ask, run the Thursday reading "
                    "group, and keep the family waiting room warm, with coffee and toys for the "
                    "children. Outside, we help with the first days after release: a meal, a "
                    "bed, a phone.</p>"
                    "<p>You do not need to be religious to join us, only to be reliable.</p>",
                ),
            ],
        },
        "it": {
            "intro": "Siamo volontari che ogni settimana entrano nella casa circondariale "
            "Villa Ardesia e accolgono le famiglie che vengono ai colloqui. Ci ha fatti "
            "nascere la cappellania nel 1998.",
            "body": [
                ("heading", "Cosa facciamo"),
                (
                    "paragraph",
                    "<p>Ascoltiamo, scriviamo lettere con chi lo chiede, animiamo il gruppo di "
                    "lettura del giovedì e teniamo accogliente la sala d'attesa delle famiglie, "
                    "con il caffè e i giochi per i bambini. Fuori, aiutiamo nei primi giorni "
                    "dopo la scarcerazione: un pasto, un letto, un telefono.</p>"
                    "<p>Per unirti a noi non serve essere credenti: serve essere affidabili.</p>",
                ),
            ],
        },
    },
    {
        "slug": "smso-le-filande",
        "name": "Società di Mutuo Soccorso Le Filande",
        "kind": "community",
        "legal_form": "association",
        "areas": ["padova", "vigonza"],
        "address": "Via delle Filande 3, 35133 Padova",
        "lat": "45.421930",
        "lng": "11.903560",
        "phone": "+39 049 012 0918",
        "assets": ["rooms", "peer_support", "food"],
        "logo": ("LF", "#16a085"),
        "description": "A mutual aid society founded by silk workers in 1889, today a "
        "neighbourhood hall with a community café and self-help groups.",
        "en": {
            "intro": "Founded by silk workers in 1889, we still do what mutual aid means: "
            "members help members. Our hall hosts a community café, a Sunday lunch and "
            "self-help groups.",
            "body": [
                ("heading", "Open to all"),
                (
                    "paragraph",
                    "<p>Membership costs ten euros a year and is open to anyone who lives or "
                    "works in the neighbourhood, whatever their past. Several of our members "
                    "came to us after prison and now run the café.</p>",
                ),
            ],
        },
        "it": {
            "intro": "Fondata dalle operaie della seta nel 1889, fa ancora ciò che mutuo "
            "soccorso vuol dire: i soci aiutano i soci. La nostra sala ospita un bar di "
            "comunità, il pranzo della domenica e gruppi di auto mutuo aiuto.",
            "body": [
                ("heading", "Aperta a tutti"),
                (
                    "paragraph",
                    "<p>La tessera costa dieci euro l'anno ed è aperta a chiunque viva o lavori "
                    "nel quartiere, qualunque sia il suo passato. Alcuni nostri soci sono "
                    "arrivati dopo il carcere e oggi mandano avanti il bar.</p>",
                ),
            ],
        },
    },
    {
        "slug": "cerchi-aperti",
        "name": "Cerchi Aperti – Circoli di Sostegno e Responsabilità",
        "kind": "mentoring",
        "legal_form": "association",
        "areas": ["torino", "collegno"],
        "address": "Corso Regina Margherita 190, 10152 Torino",
        "lat": "45.080120",
        "lng": "7.671540",
        "phone": "+39 011 015 7734",
        "assets": ["mentoring", "peer_support", "training"],
        "logo": ("CA", "#8e44ad"),
        "description": "Circles of Support and Accountability: trained volunteers who "
        "accompany a person returning to the community after a long sentence.",
        "en": {
            "intro": "We bring together circles of three or four trained volunteers around a "
            "person coming home after a long sentence. They meet every week, support them and "
            "hold them to their commitments.",
            "body": [
                ("heading", "How a circle works"),
                (
                    "paragraph",
                    "<p>A circle lasts at least a year. Volunteers meet the person every week, "
                    "at first together and then one at a time, for a coffee, a walk, a form to "
                    "fill in. A coordinator and a professional from the probation office stand "
                    "behind the circle.</p>"
                    "<p>Volunteers receive thirty hours of training and regular supervision.</p>",
                ),
            ],
        },
        "it": {
            "intro": "Formiamo cerchi di tre o quattro volontari attorno a una persona che "
            "torna a casa dopo una lunga pena. Si incontrano ogni settimana, la sostengono e "
            "la aiutano a tenere fede agli impegni presi.",
            "body": [
                ("heading", "Come funziona un cerchio"),
                (
                    "paragraph",
                    "<p>Un cerchio dura almeno un anno. I volontari incontrano la persona ogni "
                    "settimana, prima insieme e poi uno alla volta: un caffè, una passeggiata, "
                    "un modulo da compilare. Dietro il cerchio ci sono una coordinatrice e un "
                    "funzionario dell'UEPE.</p>"
                    "<p>I volontari ricevono trenta ore di formazione e una supervisione "
                    "regolare.</p>",
                ),
            ],
        },
    },
    {
        "slug": "merli-logistica",
        "name": "Merli Logistica S.r.l.",
        "kind": "employer",
        "legal_form": "company",
        "areas": ["modugno", "bari"],
        "address": "Via dei Trasportatori 8, 70026 Modugno",
        "lat": "41.088750",
        "lng": "16.781230",
        "phone": "+39 080 014 2207",
        "assets": ["jobs", "training"],
        "logo": ("ML", "#c0392b"),
        "description": "A family-run logistics firm in the Modugno industrial area, hosting "
        "placements since 2015.",
        "en": {
            "intro": "A family logistics firm in the Modugno industrial area: 60 people, "
            "three warehouses, deliveries across Puglia. We have hosted placements from the "
            "prison and the probation office since 2015.",
            "body": [
                ("heading", "Why we do it"),
                (
                    "paragraph",
                    "<p>We needed reliable people and found them. Of the fourteen people who "
                    "came to us on a placement, eleven are still with us. We use the tax credits "
                    "of the Smuraglia Law (193/2000), and we recommend them to other firms.</p>",
                ),
                (
                    "quote",
                    (
                        "My best team leader started with us on work release. I would do "
                        "it again tomorrow.",
                        "Giuseppe Merli, managing director",
                    ),
                ),
            ],
        },
        "it": {
            "intro": "Un'azienda di famiglia nella zona industriale di Modugno: 60 persone, "
            "tre magazzini, consegne in tutta la Puglia. Accogliamo tirocini dal carcere e "
            "dall'UEPE dal 2015.",
            "body": [
                ("heading", "Perché lo facciamo"),
                (
                    "paragraph",
                    "<p>Cercavamo persone affidabili e le abbiamo trovate. Delle quattordici "
                    "persone arrivate con un tirocinio, undici lavorano ancora con noi. Usiamo i "
                    "crediti d'imposta della legge Smuraglia (193/2000) e li consigliamo ad "
                    "altre aziende.</p>",
                ),
                (
                    "quote",
                    (
                        "Il mio miglior caposquadra ha cominciato qui in articolo 21. Lo "
                        "rifarei domani.",
                        "Giuseppe Merli, amministratore",
                    ),
                ),
            ],
        },
    },
]
