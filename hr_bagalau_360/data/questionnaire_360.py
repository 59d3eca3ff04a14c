"""The 360 questionnaires of seed 004 as plain data (no Odoo import).

Appendix 5 (heads of structural units, 12 competencies) and Appendix 6
(corps B staff, 8 competencies): each competency with its questions, in the
seed's Kazakh, with a Russian translation (seed 004 has no Russian text) and
an English one (Odoo's source language). Competency names are those of §35
and of the result forms (Appendices 7-8); the questions are the
questionnaires' own. The seed's scan has broken letters (Latin or Arabic
letters inside Kazakh words, «ү» for «ұ», «Ікітимал» for «Ықтимал»): only
those letters are mended here, the wording is the seed's.

scripts/build_survey_360_data.py turns this file into the addon's XML data
and the kk/ru entries of its po files; tests/test_survey_360_questionnaire.py
counts it against the seed.
"""

#: The five answers (seed 004 Appendices 5-6), in the seed's order; their
#: points are the methodology's (1 to 5 in the typical text).
ANSWERS = [
    ("not_shown", {"en": "Not shown", "kk": "Құзырет көрінбейді", "ru": "Компетенция не проявляется"}),
    ("rarely", {"en": "Rarely shown", "kk": "Құзырет сирек көрінеді", "ru": "Компетенция проявляется редко"}),
    ("half", {"en": "Shown half of the time", "kk": "Құзырет жағдайлардың жартысында көрінеді",
              "ru": "Компетенция проявляется в половине случаев"}),
    ("mostly", {"en": "Shown most of the time", "kk": "Құзырет көп жағдайда көрінеді",
                "ru": "Компетенция проявляется в большинстве случаев"}),
    ("always", {"en": "Always shown", "kk": "Құзырет әрқашан көрінеді", "ru": "Компетенция проявляется всегда"}),
]

#: The address to the respondent (Appendix 6's wording; Appendix 5 says the same).
INTRO = {
    "kk": (
        "<p>Құрметті респондент!</p>"
        "<p>«Б» корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалау (бұдан әрі – бағалау) мақсатында "
        "Сіздерге өз әріптестеріңізді 360 әдісімен бағалауды ұсынамыз.</p>"
        "<p>Ескертпе: 360 әдісі - бағаланатын адамның жұмыс ортасындағы адамдар тобынан сұрау арқылы бағаланатын "
        "адамда талап етілетін құзыреттердің болуын анықтауға бағытталған бағалау әдісі.</p>"
        "<p>Бұл әдіс Сіздің әріптесіңізге өзінің күшті және әлсіз жақтарын жақсы түсінуге, одан әрі өсу мен даму "
        "әлеуетін көруге көмектеседі.</p>"
        "<p>Бағаларды объективті түрде, жеке ұнатуларсыз/ұнатпауларсыз қою керек. "
        "Жасырындылыққа кепілдік беріледі.</p>"
        "<p>Сауалнаманы басынан аяғына дейін алаңдамай толтыру қажет. Осылайша, Сіз уақытты үнемдей аласыз және "
        "нәтижелердің дұрыстығын арттыра аласыз.</p>"
    ),
    "ru": (
        "<p>Уважаемый респондент!</p>"
        "<p>В целях оценки деятельности административных государственных служащих корпуса «Б» (далее – оценка) "
        "предлагаем Вам оценить своих коллег методом 360.</p>"
        "<p>Примечание: метод 360 – метод оценки, направленный на определение наличия у оцениваемого лица "
        "требуемых компетенций путем опроса группы лиц из его рабочего окружения.</p>"
        "<p>Этот метод поможет Вашему коллеге лучше понять свои сильные и слабые стороны, увидеть потенциал "
        "дальнейшего роста и развития.</p>"
        "<p>Оценки следует ставить объективно, без личных симпатий/антипатий. Анонимность гарантируется.</p>"
        "<p>Анкету необходимо заполнить от начала до конца, не отвлекаясь. Так Вы сэкономите время и повысите "
        "достоверность результатов.</p>"
    ),
    "en": (
        "<p>Dear respondent,</p>"
        "<p>For the evaluation of the work of corps B civil servants (the evaluation), we ask you to evaluate "
        "your colleague by the 360 method.</p>"
        "<p>Note: the 360 method finds out whether the evaluated person has the competencies required, by asking "
        "a group of people from his working environment.</p>"
        "<p>It helps your colleague to understand his strengths and weaknesses and to see his potential for "
        "growth and development.</p>"
        "<p>Give your answers objectively, without personal likes or dislikes. Anonymity is guaranteed.</p>"
        "<p>Fill in the questionnaire from beginning to end without interruption: you will save time and make "
        "the results more reliable.</p>"
    ),
}


def _c(key, names, questions):
    return {"key": key, "name": names, "questions": [{"kk": kk, "ru": ru, "en": en} for kk, ru, en in questions]}


_ETHICS = {"kk": "Әдеп нормалары мен қағидаларын ұстану", "ru": "Соблюдение этических норм и принципов",
           "en": "Adherence to ethical norms and principles"}
_ETHICS_Q1 = ("Әдеп кодексіне сәйкес барлық жағдайларда әдеп мінез-құлық ережелерін қатаң сақтайды",
              "Во всех ситуациях строго соблюдает правила этического поведения в соответствии с Этическим кодексом",
              "Strictly follows the rules of ethical conduct in every situation, in line with the Code of Ethics")
_ETHICS_Q3 = ("Күйзелістік жағдайда өзін ұстай алады, шешім іздейді және табады",
              "Умеет владеть собой в стрессовой ситуации, ищет и находит решение",
              "Keeps self-control under stress, looks for and finds a solution")
_COMMUNICATION = {"kk": "Тиімді коммуникацияларды құру", "ru": "Построение эффективных коммуникаций",
                  "en": "Building effective communication"}
_COMMUNICATION_Q1 = (
    "Өз қызметін әріптестерімен үйлестіре алады, коммуникацияларға ашық, іскерлік ынтымақтастыққа дайындық "
    "танытады, қажет болған жағдайда әріптестеріне көмектеседі",
    "Умеет согласовывать свою деятельность с коллегами, открыт для коммуникаций, проявляет готовность к деловому "
    "сотрудничеству, при необходимости помогает коллегам",
    "Coordinates his work with colleagues, is open to communication, shows readiness for business cooperation "
    "and helps colleagues when needed")
_COMMUNICATION_Q2 = (
    "Жанжалдарды ортақ іс үшін пайдамен шеше алады, бұл ретте өз көзқарасын дәлелді жеткізеді және "
    "әріптестерінің пікірін ескереді",
    "Умеет разрешать конфликты с пользой для общего дела, при этом аргументированно доносит свою точку зрения "
    "и учитывает мнение коллег",
    "Resolves conflicts to the benefit of the common cause, arguing his point of view and taking his colleagues' "
    "opinions into account")
_CHANGE = {"kk": "Өзгерістерді басқару", "ru": "Управление изменениями", "en": "Managing change"}
_CHANGE_QUESTIONS = [
    ("Ұйымдағы өзгерістерге оң көзқараспен қарайды", "Положительно относится к изменениям в организации",
     "Takes a positive view of changes in the organisation"),
    ("Өзгерген жағдайға сәйкес өз әрекеттерінің тактикасын бейімдейді, сәтсіздіктің себептерін талдайды және "
     "тәсілдерді немесе стратегияны өзгертеді",
     "Адаптирует тактику своих действий к изменившейся ситуации, анализирует причины неудач и меняет подходы "
     "или стратегию",
     "Adapts his tactics to the changed situation, analyses the causes of failure and changes his approach or "
     "strategy"),
    ("Қызметкерлердің бастамаларын қолдайды және көтермелейді", "Поддерживает и поощряет инициативы сотрудников",
     "Supports and encourages the initiatives of employees"),
]
_RESULTS = {"kk": "Нәтижеге бағдарлану", "ru": "Ориентация на результат", "en": "Focus on results"}
_RESULTS_Q3 = ("Нәтижеге қол жеткізу үшін жауапкершілікті өзіне алады",
               "Берет на себя ответственность за достижение результата",
               "Takes responsibility for achieving the result")
_RESULTS_Q2_HEAD = ("Тапсырмаларды орындау үшін қосымша күш салады",
                    "Прилагает дополнительные усилия для выполнения поручений",
                    "Makes extra efforts to carry out assignments")
_RESULTS_Q1 = ("Күрделі мақсаттар қойып, оларға қол жеткізеді", "Ставит сложные цели и достигает их",
               "Sets ambitious goals and achieves them")
_DECISIONS = {"kk": "Дербестік және шешімдерді қабылдау дағдылары",
              "ru": "Самостоятельность и навыки принятия решений", "en": "Independence and decision-making skills"}
_DECISIONS_QUESTIONS = [
    ("Мүмкіндіктерді, тәуекелдерді талдай алады, сондай-ақ ресурстарды есептей және жоспарлай алады",
     "Умеет анализировать возможности и риски, а также рассчитывать и планировать ресурсы",
     "Analyses opportunities and risks, and calculates and plans resources"),
    ("Белгісіздік жағдайында тиімді әрекет ете алады", "Умеет эффективно действовать в условиях неопределенности",
     "Acts effectively under uncertainty"),
    ("Ықтимал тәуекелдерді ескере отырып, мәселелерді шешудің бірнеше нұсқасын ұсынады",
     "Предлагает несколько вариантов решения проблем с учетом возможных рисков",
     "Proposes several ways of solving a problem, taking possible risks into account"),
]
_COOPERATION = {"kk": "Ынтымақтастық", "ru": "Сотрудничество", "en": "Cooperation"}
_COOPERATION_Q2 = ("Қойылған міндеттерге қол жеткізу үшін әрбір қызметкердің әлеуетін пайдаланады",
                   "Использует потенциал каждого сотрудника для достижения поставленных задач",
                   "Uses the potential of every employee to achieve the objectives set")
_PROMPTNESS = {"kk": "Жеделділік", "ru": "Оперативность", "en": "Promptness"}
_SELF_DEVELOPMENT = {"kk": "Өзін-өзі дамыту", "ru": "Саморазвитие", "en": "Self-development"}

#: Seed 004 §35 and Appendix 5: the heads of structural units.
HEADS = [
    _c("management", {"kk": "Қызметті басқару", "ru": "Управление деятельностью", "en": "Managing the work"}, [
        ("Стратегиялық мақсаттарға сәйкес нақты міндеттер қояды және тапсырмалар береді",
         "Ставит конкретные задачи и дает поручения в соответствии со стратегическими целями",
         "Sets concrete objectives and gives assignments in line with the strategic goals"),
        ("Бөлімшенің қойылған міндеттерді сапалы және уақтылы орындаудың ұжымды бағыттайтын және жағдай жасайды",
         "Направляет коллектив и создает условия для качественного и своевременного выполнения поставленных перед "
         "подразделением задач",
         "Guides the team and creates the conditions for the unit to fulfil its objectives well and on time"),
        ("Басымдық бере отырып, бөлімшенің жұмысын тиімді ұйымдастырады",
         "Эффективно организует работу подразделения, расставляя приоритеты",
         "Organises the work of the unit effectively, setting priorities"),
    ]),
    _c("communication", _COMMUNICATION, [_COMMUNICATION_Q1, _COMMUNICATION_Q2]),
    _c("ethics", _ETHICS, [
        _ETHICS_Q1,
        ("Парасаттылық, шынайылық, тілекестік, әріптестері мен мұдделі тараптарға сыйластық қағидаттарын ұстанады",
         "Придерживается принципов порядочности, искренности, доброжелательности, уважения к своим коллегам и "
         "заинтересованным сторонам",
         "Upholds the principles of integrity, sincerity, goodwill and respect for his colleagues and stakeholders"),
        _ETHICS_Q3,
    ]),
    _c("change", _CHANGE, _CHANGE_QUESTIONS),
    _c("results", _RESULTS, [_RESULTS_Q1, _RESULTS_Q2_HEAD, _RESULTS_Q3]),
    _c("decisions", _DECISIONS, _DECISIONS_QUESTIONS),
    _c("team", {"kk": "Топты басқару", "ru": "Управление командой", "en": "Managing the team"}, [
        ("Ешқашан адамдарға тәуелді емес, әрқашан жеке ұнату немесе ұнатпаудан аулақ бола алады",
         "Никогда не зависит от людей, всегда умеет избегать личных симпатий или антипатий",
         "Never depends on people, always keeps clear of personal likes or dislikes"),
        ("Өзара әрекеттесу және ынталандыру кезінде бағыныштының даралығын анықтай және ескере алады",
         "Умеет распознавать и учитывать индивидуальность подчиненного при взаимодействии и мотивации",
         "Recognises and takes into account the individuality of a subordinate when working with and motivating "
         "him"),
        ("Команданы шабыттандыра және ынталандыра алады", "Умеет вдохновлять и мотивировать команду",
         "Inspires and motivates the team"),
    ]),
    _c("leadership", {"kk": "Көшбасшылық қасиеттер", "ru": "Лидерские качества", "en": "Leadership qualities"}, [
        ("Ынта мен талантты, өз-өзіне деген сенімді көрсетеді", "Проявляет энтузиазм и талант, уверенность в себе",
         "Shows enthusiasm, talent and self-confidence"),
        ("Харизматикалық тұлға, бағыныштыларды ынталандыру үшін өзінің тұлғалық күшін пайдаланады",
         "Харизматичная личность, использует силу своей личности для мотивации подчиненных",
         "A charismatic personality who uses the strength of his personality to motivate subordinates"),
        ("Қызметкерлерді ынталандыруға дайын, көтермелеу мен сөгіс арақатынасын сауатты таңдайды",
         "Готов мотивировать сотрудников, грамотно выбирает соотношение поощрения и порицания",
         "Is ready to motivate employees and strikes the right balance between praise and reprimand"),
    ]),
    _c("cooperation", _COOPERATION, [
        ("Құзыреті шегінде қызметкерлерді мемлекеттік органдармен және ұйымдармен өзара тиімді іс-қимыл жасауға "
         "бағдарлайды",
         "В пределах компетенции ориентирует сотрудников на взаимовыгодное взаимодействие с государственными "
         "органами и организациями",
         "Within his remit, steers employees towards mutually beneficial cooperation with state bodies and "
         "organisations"),
        _COOPERATION_Q2,
        ("Мемлекеттік органның құрылымдық бөлімшелерімен бірлесіп жоспарларды іске асырады және ортақ нәтижелерге "
         "қол жеткізеді",
         "Совместно со структурными подразделениями государственного органа реализует планы и достигает общих "
         "результатов",
         "Carries out plans together with the structural units of the state body and achieves common results"),
    ]),
    _c("promptness", _PROMPTNESS, [
        ("Ұжымға жаңа басымдықтарды уақтылы жеткізеді", "Своевременно доводит до коллектива новые приоритеты",
         "Brings new priorities to the team in good time"),
        ("Өзгерістерге уақтылы әрекет ету үшін тиімді шараларды әзірлейді",
         "Разрабатывает эффективные меры для своевременного реагирования на изменения",
         "Develops effective measures to respond to change in good time"),
        ("Бөлімшені тиімді басқарып, ішкі және сыртқы өзгерістер кезінде нәтижеге қол жеткізеді",
         "Эффективно управляя подразделением, достигает результата при внутренних и внешних изменениях",
         "Manages the unit effectively and achieves results through internal and external change"),
    ]),
    _c("self_development", _SELF_DEVELOPMENT, [
        ("Перспективті қызметкерлерді анықтайды және оларды жылжыту бойынша ұсыныстар енгізеді",
         "Выявляет перспективных сотрудников и вносит предложения по их продвижению",
         "Identifies promising employees and proposes their promotion"),
        ("Қызметкерлерді дамыту бойынша жүйелі шаралар қабылдайды",
         "Принимает системные меры по развитию сотрудников", "Takes systematic measures to develop employees"),
        ("Өз мысалында өзін-өзі дамытуға деген ұмтылысты көрсетеді",
         "Личным примером демонстрирует стремление к саморазвитию",
         "Shows by his own example the drive for self-development"),
    ]),
    _c("initiative", {"kk": "Бастамашылдық", "ru": "Инициативность", "en": "Initiative"}, [
        ("Қызметтің тиімділігін арттыруға бағытталған инновациялық тәсілдер мен шешімдерді енгізу жөніндегі "
         "ұсыныстарды қарайды және әзірлейді",
         "Рассматривает и разрабатывает предложения по внедрению инновационных подходов и решений, направленных "
         "на повышение эффективности деятельности",
         "Considers and drafts proposals to introduce innovative approaches and solutions that make the work more "
         "effective"),
        ("Қызметтің тиімділігін арттыруға бағытталған инновациялық тәсілдер мен шешімдерді енгізу бойынша "
         "ұсыныстарды талдайды және енгізеді",
         "Анализирует и внедряет предложения по внедрению инновационных подходов и решений, направленных на "
         "повышение эффективности деятельности",
         "Analyses and puts into effect proposals to introduce innovative approaches and solutions that make the "
         "work more effective"),
        ("Мемлекеттік органның қызметін жетілдіру үшін жобаларға бастамашылық етеді",
         "Инициирует проекты по совершенствованию деятельности государственного органа",
         "Initiates projects to improve the work of the state body"),
    ]),
]

#: Seed 004 §35 and Appendix 6: corps B staff.
STAFF = [
    _c("communication", _COMMUNICATION, [
        _COMMUNICATION_Q1, _COMMUNICATION_Q2,
        ("Мүдделі тараптармен топтың/команданың тиімді жұмысын құрады",
         "Выстраивает эффективную работу группы/команды с заинтересованными сторонами",
         "Builds the effective work of the group/team with stakeholders"),
    ]),
    _c("ethics", _ETHICS, [
        _ETHICS_Q1,
        ("Парасаттылық, шынайылық, тілекестік, әріптестер мен мүдделі тараптарға сыйластық қағидаттарын ұстанады",
         "Придерживается принципов порядочности, искренности, доброжелательности, уважения к коллегам и "
         "заинтересованным сторонам",
         "Upholds the principles of integrity, sincerity, goodwill and respect for colleagues and stakeholders"),
        _ETHICS_Q3,
    ]),
    _c("change", _CHANGE, _CHANGE_QUESTIONS),
    _c("results", _RESULTS, [
        _RESULTS_Q1,
        ("Тапсырмаларды орындау үшін қосымша күш салады", "Прилагает дополнительные усилия для выполнения поручений",
         "Makes extra efforts to carry out assignments"),
        _RESULTS_Q3,
    ]),
    _c("decisions", _DECISIONS, _DECISIONS_QUESTIONS),
    _c("cooperation", _COOPERATION, [
        ("Құзыреті шегінде қызметкерлерді мемлекеттік органдармен және ұйымдармен тиімді өзара іс-қимыл жасауға "
         "бағдарлайды",
         "В пределах компетенции ориентирует сотрудников на эффективное взаимодействие с государственными органами "
         "и организациями",
         "Within his remit, steers employees towards effective cooperation with state bodies and organisations"),
        _COOPERATION_Q2,
        ("Басқа бөлімшелермен бірлесіп жоспарларды іске асырады және ортақ нәтижелерге қол жеткізеді",
         "Совместно с другими подразделениями реализует планы и достигает общих результатов",
         "Carries out plans together with other units and achieves common results"),
    ]),
    _c("promptness", _PROMPTNESS, [
        ("Жұмысты жақсарту бойынша ұсыныстар енгізеді", "Вносит предложения по улучшению работы",
         "Makes proposals to improve the work"),
        ("Жаңа тәсілдері және оларды енгізу әдістерін зерделейді", "Изучает новые подходы и методы их внедрения",
         "Studies new approaches and ways of introducing them"),
        ("Өзгеретін жағдайларға тез бейімделеді", "Быстро адаптируется к меняющимся условиям",
         "Adapts quickly to changing conditions"),
    ]),
    _c("self_development", _SELF_DEVELOPMENT, [
        ("Жаңа білім мен технологияларға қызығушылық танытады", "Проявляет интерес к новым знаниям и технологиям",
         "Shows interest in new knowledge and technologies"),
        ("Өзін-өзі дамытуға ұмтылады, жаңа ақпарат пен оны қолдану тәсілдерін іздейді",
         "Стремится к саморазвитию, ищет новую информацию и способы ее применения",
         "Strives for self-development, looking for new information and ways of using it"),
        ("Тиімділігін арттыруға мүмкіндік беретін жаңа дағдыларды іс жүзінде қолданады",
         "Применяет на практике новые навыки, позволяющие повысить свою эффективность",
         "Puts into practice new skills that make him more effective"),
    ]),
]

#: audience → (seed appendix, the survey's title, its competencies).
AUDIENCES = {
    "head": {
        "appendix": 5,
        "title": {"kk": "Құрылымдық бөлімшелер басшыларының 360 әдісімен бағалау парағы",
                  "ru": "Лист оценки руководителей структурных подразделений методом 360",
                  "en": "360 Evaluation Sheet of the Heads of Structural Units"},
        "competencies": HEADS,
    },
    "staff": {
        "appendix": 6,
        "title": {"kk": "«Б» корпусы қызметшілерін 360 әдісімен бағалау парағы",
                  "ru": "Лист оценки служащих корпуса «Б» методом 360",
                  "en": "360 Evaluation Sheet of Corps B Staff"},
        "competencies": STAFF,
    },
}
