"""The site's own pages for the demo: home, hubs, partner directory, about,
privacy and accessibility, in English and Italian.

Bodies are lists of ``(block type, value)`` pairs that the builder turns into
StreamField data; ``("cta", (text, page key, button label))`` links to
another demo page by its key, in the same language.
"""

CONTACT = {
    "email": "contatti@example.org",
    "phone": "+39 011 012 3456",
    "address": "Cooperativa\nc/o Consorzio Rete Solidale Subalpina\nVia Pinelli 24, 10144 Torino",
}

HOME = {
    "en": {
        "intro": "Social cooperatives, justice services and community groups in Torino, "
        "Bologna, Padova and Bari, working together. Find a way in: from a coffee morning "
        "to a paid placement.",
        "body": [
            ("heading", "From a morning to a job"),
            (
                "paragraph",
                "<p>Some opportunities ask for one morning, some for a few hours a week, and some "
                "are a job. Each one says how much it asks, who it is for and what support comes "
                "with it.</p>"
                "<ul><li><b>Work placements</b>: paid work and training in social cooperatives "
                "and local firms, with a mentor beside you.</li>"
                "<li><b>Calls for participation</b>: volunteer, become a mentor, join a workshop "
                "or tell a service what you think.</li>"
                "<li><b>Joint projects</b>: what cooperatives, services and neighbours are "
                "building together, and how to join in.</li></ul>",
            ),
            (
                "cta",
                (
                    "See everything that is open now, in your town.",
                    "opportunities",
                    "See opportunities",
                ),
            ),
            ("heading", "Why we work together"),
            (
                "paragraph",
                "<p>People leave crime behind through relationships, belonging and work, not "
                "through services alone. Italian social cooperatives have known this for thirty "
                "years: a type B cooperative must employ at least 30% disadvantaged workers, and "
                "people in prison or on alternative measures count among them.</p>"
                "<p>Here cooperatives, the probation office, the prisons and the people of each "
                "town plan together, publish together and make room for everyone who wants to "
                "help.</p>",
            ),
            (
                "quote",
                (
                    "Time, trust and relationships are central to supporting the "
                    "participation of service users, community volunteers and other groups.",
                    "Beth Weaver, Co-producing justice, Council of Europe, 2016",
                ),
            ),
            ("image", ("town", "Four towns, one network of partners.")),
            ("heading", "For organisations"),
            (
                "paragraph",
                "<p>Host a placement, run a project with others, or offer a room, a workshop or "
                'your time. <a href="/partners/join/">Register your organisation</a>: our '
                "moderators check every request before anything is published.</p>",
            ),
            (
                "cta",
                (
                    "Meet the cooperatives, services and groups already on board.",
                    "partners",
                    "Our partners",
                ),
            ),
        ],
    },
    "it": {
        "intro": "Cooperative sociali, servizi della giustizia e realtà di quartiere a Torino, "
        "Bologna, Padova e Bari, al lavoro insieme. Trova il tuo modo di partecipare: da un "
        "caffè in compagnia a un tirocinio retribuito.",
        "body": [
            ("heading", "Da una mattina a un lavoro"),
            (
                "paragraph",
                "<p>Alcune opportunità chiedono una mattina, altre qualche ora alla settimana, "
                "altre sono un lavoro vero e proprio. Ognuna dice quanto impegno chiede, a chi si "
                "rivolge e che sostegno offre.</p>"
                "<ul><li><b>Tirocini e inserimenti lavorativi</b>: lavoro retribuito e "
                "formazione in cooperative sociali e aziende del territorio, con un tutor al tuo "
                "fianco.</li>"
                "<li><b>Chiamate alla partecipazione</b>: fare volontariato, diventare mentore, "
                "partecipare a un laboratorio o dire la tua a un servizio.</li>"
                "<li><b>Progetti condivisi</b>: ciò che cooperative, servizi e cittadini "
                "costruiscono insieme, e come farne parte.</li></ul>",
            ),
            (
                "cta",
                (
                    "Guarda tutto ciò che è aperto adesso, nella tua città.",
                    "opportunities",
                    "Vedi le opportunità",
                ),
            ),
            ("heading", "Perché lavoriamo insieme"),
            (
                "paragraph",
                "<p>Si esce dal reato grazie alle relazioni, all'appartenenza e al lavoro, non "
                "soltanto grazie ai servizi. Le cooperative sociali italiane lo sanno da trent'anni: "
                "una cooperativa di tipo B deve avere almeno il 30% di lavoratori svantaggiati, e "
                "tra loro ci sono anche le persone detenute o in misura alternativa.</p>"
                "<p>Qui cooperative, UEPE, istituti penitenziari e cittadini di ogni città "
                "progettano insieme, pubblicano insieme e fanno spazio a chiunque voglia dare una "
                "mano.</p>",
            ),
            (
                "quote",
                (
                    "Tempo, fiducia e relazioni sono al centro della partecipazione delle "
                    "persone seguite dai servizi, dei volontari della comunità e di tutti "
                    "gli altri.",
                    "Beth Weaver, Co-producing justice, Consiglio d'Europa, 2016",
                ),
            ),
            ("image", ("town", "Quattro città, una sola rete di partner.")),
            ("heading", "Per le organizzazioni"),
            (
                "paragraph",
                "<p>Ospita un tirocinio, avvia un progetto con altri, oppure metti a disposizione "
                'una sala, un laboratorio o il tuo tempo. <a href="/it/partners/join/">Registra '
                "la tua organizzazione</a>: i nostri moderatori verificano ogni richiesta prima "
                "che venga pubblicato qualcosa.</p>",
            ),
            (
                "cta",
                (
                    "Conosci le cooperative, i servizi e i gruppi che già fanno parte della rete.",
                    "partners",
                    "I nostri partner",
                ),
            ),
        ],
    },
}

# Hubs: key -> kind, and per language the title, slug and introduction.
HUBS = {
    "opportunities": {
        "kind": "",
        "en": {
            "title": "Opportunities",
            "slug": "opportunities",
            "intro": "Everything open now, from a one-off visit to a paid job. Choose your "
            "town, how much time you have and who you are.",
        },
        "it": {
            "title": "Opportunità",
            "slug": "opportunita",
            "intro": "Tutto ciò che è aperto adesso, da una visita di un giorno a un lavoro "
            "retribuito. Scegli la città, il tempo che hai e chi sei.",
        },
    },
    "placements": {
        "kind": "placement",
        "en": {
            "title": "Placements",
            "slug": "placements",
            "intro": "Paid work and training in social cooperatives and local firms, with "
            "a mentor and a team around you.",
        },
        "it": {
            "title": "Tirocini",
            "slug": "tirocini",
            "intro": "Lavoro retribuito e formazione in cooperative sociali e aziende del "
            "territorio, con un tutor e una squadra accanto.",
        },
    },
    "calls": {
        "kind": "call",
        "en": {
            "title": "Calls",
            "slug": "calls",
            "intro": "Invitations to take part: volunteer, become a mentor, join a workshop "
            "or tell a service what you think.",
        },
        "it": {
            "title": "Chiamate",
            "slug": "chiamate",
            "intro": "Inviti a partecipare: fare volontariato, diventare mentore, venire a "
            "un laboratorio o dire la tua a un servizio.",
        },
    },
    "projects": {
        "kind": "project",
        "en": {
            "title": "Projects",
            "slug": "projects",
            "intro": "What organisations are doing together, from the first idea to the "
            "results, and how you can join in.",
        },
        "it": {
            "title": "Progetti",
            "slug": "progetti",
            "intro": "Ciò che le organizzazioni fanno insieme, dalla prima idea ai "
            "risultati, e come puoi unirti.",
        },
    },
}

PARTNER_INDEX = {
    "en": {
        "title": "Partners",
        "slug": "partners",
        "intro": "The cooperatives, public services and community groups that work "
        "together here, and what each offers its town.",
    },
    "it": {
        "title": "Partner",
        "slug": "partner",
        "intro": "Le cooperative, i servizi pubblici e i gruppi di cittadini che lavorano "
        "insieme qui, e ciò che ognuno offre alla sua città.",
    },
}

STANDARD_PAGES = {
    "about": {
        "en": {
            "title": "About us",
            "slug": "about",
            "intro": "Cooperativa is a shared noticeboard and workspace for the people who "
            "make community justice happen in four Italian towns.",
            "body": [
                ("heading", "What we do"),
                (
                    "paragraph",
                    "<p>Social cooperatives, the probation office (UEPE), prisons, volunteers and "
                    "neighbourhood groups already work together every day. This site makes that "
                    "work visible, and makes it easier to join: one place to find a placement, "
                    "answer a call or follow a joint project.</p>",
                ),
                ("heading", "How it works"),
                (
                    "paragraph",
                    "<ol><li>An organisation registers and our moderators check it.</li>"
                    "<li>Its members publish placements, calls and projects on its own "
                    "page.</li>"
                    "<li>Our moderators read every page before it goes live.</li>"
                    "<li>Anyone can take part, with or without an account: each opportunity "
                    "says, in plain words, how to get in touch with the organisation.</li></ol>",
                ),
                ("heading", "Who runs it"),
                (
                    "paragraph",
                    "<p>The site is run by its member cooperatives, who choose the moderators. It "
                    "follows Article 55 of the Third Sector Code: public bodies and third-sector "
                    "organisations plan and design services together "
                    "(<i>co-programmazione</i> and <i>co-progettazione</i>).</p>",
                ),
                ("cta", ("See who takes part.", "partners", "Our partners")),
            ],
        },
        "it": {
            "title": "Chi siamo",
            "slug": "chi-siamo",
            "intro": "Cooperativa è una bacheca e uno spazio di lavoro condivisi da chi fa "
            "giustizia di comunità in quattro città italiane.",
            "body": [
                ("heading", "Cosa facciamo"),
                (
                    "paragraph",
                    "<p>Cooperative sociali, UEPE, istituti penitenziari, volontari e gruppi di "
                    "quartiere lavorano già insieme ogni giorno. Questo sito rende visibile quel "
                    "lavoro e rende più facile farne parte: un solo posto per trovare un "
                    "tirocinio, rispondere a una chiamata o seguire un progetto condiviso.</p>",
                ),
                ("heading", "Come funziona"),
                (
                    "paragraph",
                    "<ol><li>Un'organizzazione si registra e i nostri moderatori la "
                    "verificano.</li>"
                    "<li>I suoi membri pubblicano tirocini, chiamate e progetti sulla propria "
                    "pagina.</li>"
                    "<li>I nostri moderatori leggono ogni pagina prima che venga "
                    "pubblicata.</li>"
                    "<li>Chiunque può partecipare, con o senza account: ogni opportunità spiega "
                    "con parole semplici come mettersi in contatto con l'organizzazione.</li></ol>",
                ),
                ("heading", "Chi lo gestisce"),
                (
                    "paragraph",
                    "<p>Il sito è gestito dalle cooperative socie, che scelgono i moderatori. "
                    "Segue lo spirito dell'articolo 55 del Codice del Terzo settore: enti pubblici "
                    "e Terzo settore programmano e progettano i servizi insieme "
                    "(<i>co-programmazione</i> e <i>co-progettazione</i>).</p>",
                ),
                ("cta", ("Scopri chi partecipa.", "partners", "I nostri partner")),
            ],
        },
    },
    "privacy": {
        "en": {
            "title": "Privacy",
            "slug": "privacy",
            "intro": "What we collect, who sees it and for how long, in plain words.",
            "body": [
                ("heading", "The short version"),
                (
                    "paragraph",
                    "<ul><li>We collect as little as we can.</li>"
                    "<li><b>We never ask about offences</b>, sentences, or whether you are or "
                    "have been in prison or on probation.</li>"
                    "<li>When you write to an organisation about an opportunity, your message "
                    "goes to that organisation only, not through this site.</li>"
                    "<li>You can download or erase your account at any time.</li></ul>",
                ),
                ("heading", "What we collect"),
                (
                    "paragraph",
                    "<p><b>If you only read the site</b>, we collect nothing that identifies you. "
                    "We use no advertising or tracking cookies and no analytics. The cookies we "
                    "use remember your language, keep you signed in and protect forms from "
                    "misuse.</p>"
                    "<p><b>If you create an account</b>: your email address, the name you want us "
                    "to use (it can be a nickname), your password (stored scrambled, so nobody "
                    "can read it) and your preferred language.</p>"
                    "<p><b>If you take up a placement or a call</b>: you contact the "
                    "organisation directly, as its page explains; this site does not see or keep "
                    "what you send. You never have to explain why an opportunity suits you.</p>"
                    "<p><b>If you register an organisation</b>: its details and the name and "
                    "contact details of one contact person.</p>",
                ),
                ("heading", "Who sees it"),
                (
                    "paragraph",
                    "<p>Your account details are seen only by you and, to keep the site safe, by "
                    "our moderators. An organisation's contact person is seen by the "
                    "organisation's own members and our moderators, never by the public. We "
                    "never sell or share data for marketing.</p>",
                ),
                ("heading", "How long we keep it"),
                (
                    "paragraph",
                    "<p>Your account stays until you delete it from My page; deleting it erases "
                    "your details at once.</p>",
                ),
                ("heading", "Your rights"),
                (
                    "paragraph",
                    '<p>Signed in, go to <a href="/me/">My page</a> to download all your data '
                    "or delete your account. You can also write to us at "
                    '<a href="mailto:contatti@example.org">contatti@example.org</a>. If you '
                    "think we have misused your data, you can complain to the Italian data "
                    "protection authority, the Garante per la protezione dei dati "
                    "personali.</p>",
                ),
            ],
        },
        "it": {
            "title": "Privacy",
            "slug": "privacy",
            "intro": "Quali dati raccogliamo, chi li vede e per quanto tempo, in parole semplici.",
            "body": [
                ("heading", "In breve"),
                (
                    "paragraph",
                    "<ul><li>Raccogliamo il minimo indispensabile.</li>"
                    "<li><b>Non chiediamo mai di reati</b>, condanne, né se sei o sei stato in "
                    "carcere o in misura alternativa.</li>"
                    "<li>Quando scrivi a un'organizzazione per un'opportunità, il messaggio "
                    "arriva solo a lei, non passa da questo sito.</li>"
                    "<li>Puoi scaricare i tuoi dati o eliminare il tuo account quando "
                    "vuoi.</li></ul>",
                ),
                ("heading", "Cosa raccogliamo"),
                (
                    "paragraph",
                    "<p><b>Se leggi soltanto il sito</b>, non raccogliamo nulla che ti "
                    "identifichi. Non usiamo cookie pubblicitari o di profilazione, né strumenti "
                    "di statistica. I cookie che usiamo ricordano la lingua, mantengono "
                    "l'accesso e proteggono i moduli dagli abusi.</p>"
                    "<p><b>Se crei un account</b>: il tuo indirizzo email, il nome con cui vuoi "
                    "essere chiamato (anche un soprannome), la password (salvata in forma "
                    "cifrata, così nessuno può leggerla) e la lingua che preferisci.</p>"
                    "<p><b>Se partecipi a un tirocinio o a una chiamata</b>: contatti "
                    "direttamente l'organizzazione, come spiega la sua pagina; questo sito non "
                    "vede e non conserva ciò che invii. Non devi mai spiegare perché "
                    "un'opportunità fa per te.</p>"
                    "<p><b>Se registri un'organizzazione</b>: i suoi dati e il nome e i recapiti "
                    "di una persona di riferimento.</p>",
                ),
                ("heading", "Chi vede i dati"),
                (
                    "paragraph",
                    "<p>I dati del tuo account li vedi solo tu e, per tenere il sito sicuro, i "
                    "nostri moderatori. La persona di riferimento di un'organizzazione la vedono "
                    "solo i membri dell'organizzazione e i moderatori, mai il pubblico. Non "
                    "vendiamo né cediamo dati a fini commerciali.</p>",
                ),
                ("heading", "Per quanto tempo"),
                (
                    "paragraph",
                    "<p>Il tuo account resta finché non lo elimini dalla tua pagina; "
                    "eliminandolo cancelli subito i tuoi dati.</p>",
                ),
                ("heading", "I tuoi diritti"),
                (
                    "paragraph",
                    '<p>Dopo l\'accesso, vai su <a href="/it/me/">La mia pagina</a> per '
                    "scaricare tutti i tuoi dati o eliminare il tuo account. Puoi anche "
                    'scriverci a <a href="mailto:contatti@example.org">contatti@example.org</a>. '
                    "Se pensi che abbiamo trattato male i tuoi dati, puoi presentare reclamo al "
                    "Garante per la protezione dei dati personali.</p>",
                ),
            ],
        },
    },
    "accessibility": {
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility",
            "intro": "We want everyone to be able to use this site, on any device and with "
            "little data.",
            "body": [
                ("heading", "What you can expect"),
                (
                    "paragraph",
                    "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at "
                    "level AA. You should be able to:</p>"
                    "<ul><li>use the whole site with a keyboard alone;</li>"
                    "<li>use it with a screen reader or voice control;</li>"
                    "<li>enlarge text up to 200% without losing content;</li>"
                    "<li>find, read and respond to every opportunity with JavaScript turned "
                    "off;</li>"
                    "<li>read pages on an old phone and a slow connection.</li></ul>"
                    "<p>We write in plain language, with short sentences, and every opportunity "
                    "says what it asks of you in a few words.</p>",
                ),
                ("heading", "What is not perfect yet"),
                (
                    "paragraph",
                    "<ul><li>Some documents uploaded by partners may not be fully accessible. "
                    "Ask us and we will send you the content in another format.</li>"
                    "<li>The map of community assets needs JavaScript. Everything on the map is "
                    "also listed in the partner directory.</li></ul>",
                ),
                ("heading", "Tell us"),
                (
                    "paragraph",
                    "<p>If something does not work for you, write to "
                    '<a href="mailto:contatti@example.org">contatti@example.org</a> or call '
                    "+39 011 012 3456. We reply within five working days.</p>",
                ),
            ],
        },
        "it": {
            "title": "Dichiarazione di accessibilità",
            "slug": "accessibilita",
            "intro": "Vogliamo che tutti possano usare questo sito, da qualsiasi dispositivo e "
            "con pochi dati.",
            "body": [
                ("heading", "Cosa puoi aspettarti"),
                (
                    "paragraph",
                    "<p>Puntiamo a rispettare le linee guida per l'accessibilità dei contenuti web "
                    "(WCAG) 2.2 al livello AA. Dovresti poter:</p>"
                    "<ul><li>usare tutto il sito solo con la tastiera;</li>"
                    "<li>usarlo con un lettore di schermo o con i comandi vocali;</li>"
                    "<li>ingrandire il testo fino al 200% senza perdere contenuti;</li>"
                    "<li>trovare, leggere e rispondere a ogni opportunità anche con JavaScript "
                    "disattivato;</li>"
                    "<li>leggere le pagine con un telefono datato e una connessione lenta.</li>"
                    "</ul>"
                    "<p>Scriviamo in modo semplice, con frasi brevi, e ogni opportunità dice in "
                    "poche parole cosa ti chiede.</p>",
                ),
                ("heading", "Cosa non è ancora perfetto"),
                (
                    "paragraph",
                    "<ul><li>Alcuni documenti caricati dai partner potrebbero non essere del "
                    "tutto accessibili. Chiedici e ti manderemo il contenuto in un altro "
                    "formato.</li>"
                    "<li>La mappa delle risorse della comunità richiede JavaScript. Tutto ciò che "
                    "è sulla mappa si trova anche nell'elenco dei partner.</li></ul>",
                ),
                ("heading", "Segnalaci un problema"),
                (
                    "paragraph",
                    "<p>Se qualcosa non funziona, scrivi a "
                    '<a href="mailto:contatti@example.org">contatti@example.org</a> o chiama '
                    "il numero +39 011 012 3456. Rispondiamo entro cinque giorni lavorativi.</p>",
                ),
            ],
        },
    },
}

# Page keys, in order, for the main menu and the footer.
MAIN_MENU = ["opportunities", "placements", "calls", "projects", "partners", "about"]
FOOTER = ["about", "privacy", "accessibility"]
