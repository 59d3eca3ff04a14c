"""The wording of the Excel workbooks, in Kazakh and in Russian.

The printed forms carry the legal wording of the methodology in the language
the user picks for the document (a Kazakh protocol for the archive, a Russian
one for the ministry), whatever the language of his interface: both wordings
are given here side by side rather than through the interface translation.
The wording of the protocol follows the form of the typical methodology of
2018 (seed 001 Appendix 5, seed 003 §38-39); the calibration protocol follows
seed 004 §41-43.
"""

LANGS = ("kk", "ru")

LABELS = {
    # --- the commission's protocol (seed 001 Appendix 5) -------------------
    "approve": ("«БЕКІТЕМІН»", "«УТВЕРЖДАЮ»"),
    "approved_by": ("Уәкілетті тұлға", "Уполномоченное лицо"),
    "protocol_title": ("Бағалау жөніндегі комиссия отырысының хаттамасы",
                       "Протокол заседания Комиссии по оценке"),
    "protocol_number": ("Хаттама №", "Протокол №"),
    "evaluation_period": ("Бағалау мерзімі", "Оцениваемый период"),
    "session_date": ("Отырыс күні", "Дата заседания"),
    "results_heading": ("Бағалау нәтижелері", "Результаты оценки"),
    "row_number": ("№ р/с", "№ п/п"),
    "full_name": ("Қызметшілердің тегі, аты, әкесінің аты (болған жағдайда)",
                  "Фамилия, имя, отчество (при его наличии) служащих"),
    "result_info": ("Бағалау нәтижелері туралы мәлімет", "Сведения о результатах оценки"),
    "correction": ("Бағалау нәтижелері комиссиямен түзетілуі (бар болған жағдайда)",
                   "Корректировка Комиссией результатов оценки (в случае наличия)"),
    "recommendations": ("Комиссияның ұсыныстары", "Рекомендации Комиссии"),
    "conclusion": ("Комиссия қорытындысы:", "Заключение Комиссии:"),
    "checked": ("Тексерілді: Комиссияның хатшысы:", "Проверено: Секретарь Комиссии:"),
    "chair": ("Комиссияның төрағасы:", "Председатель Комиссии:"),
    "member": ("Комиссияның мүшесі:", "Член Комиссии:"),
    "date": ("Күні:", "Дата:"),
    "signature": ("қолы", "подпись"),
    "sign_hint": ("(тегі, аты-жөні, қолы)", "(фамилия, инициалы, подпись)"),
    "kpi_sheet": ("ҚТКК бойынша бағалау парағы", "Оценочный лист по КЦИ"),
    "competency_sheet": ("Құзыреттер бойынша бағалау парағы", "Оценочный лист по компетенциям"),
    "kpi_achieved": ("қол жеткізілген ҚТКК: %(achieved)s/%(total)s", "достигнуто КЦИ: %(achieved)s из %(total)s"),
    # --- the calibration protocol (seed 004 §41-43) --------------------------
    "calibration_title": ("Калибрлеу сессиясының хаттамасы", "Протокол калибровочной сессии"),
    "evaluator": ("Бағалаушы адам", "Оценивающее лицо"),
    "score_calibrated": ("Калибрлеуге дейінгі балл", "Балл до калибровки"),
    "evaluator_argument": ("Бағалаушының дәлелдері", "Аргументы оценивающего"),
    "proposals": ("Қатысушылардың түзетулері", "Корректировки участников"),
    "votes": ("Дауыс беру қорытындысы", "Итоги голосования"),
    "final_score": ("Қорытынды балл", "Итоговый балл"),
    "session_decision": ("Сессия шешімі", "Решение сессии"),
    "protocol_signed_on": ("Хаттамаға қол қойылған күн", "Дата подписания протокола"),
    "participants": ("Калибрлеу сессиясының қатысушылары:", "Участники калибровочной сессии:"),
    "participant": ("Қатысушы:", "Участник:"),
    # --- the campaign summary and the history ---------------------------------
    "summary_title": ("Бағалау нәтижелерінің жиынтығы", "Сводные результаты оценки"),
    "history_title": ("Қызметшінің бағалау тарихы", "История оценки служащего"),
    "employee": ("Қызметшінің тегі, аты, әкесінің аты", "Фамилия, имя, отчество служащего"),
    "unit": ("Құрылымдық бөлімше", "Структурное подразделение"),
    "position": ("Лауазымы", "Должность"),
    "category": ("Лауазым санаты", "Категория должности"),
    "year": ("Жыл", "Год"),
    "quarter": ("Тоқсан", "Квартал"),
    "methodology": ("Әдістеме", "Методика"),
    "kpi_result": ("ҚТКК бойынша нәтиже", "Результат по КЦИ"),
    "kpi_score": ("ҚТКК бойынша балл", "Балл по КЦИ"),
    "competency_result": ("Құзыреттер бойынша нәтиже", "Результат по компетенциям"),
    "differentiation_score": ("Саралау парағы бойынша балл", "Балл листа дифференциации"),
    "differentiation_result": ("Саралау парағы бойынша нәтиже", "Результат листа дифференциации"),
    "q1": ("1-тоқсан", "1 квартал"),
    "q2": ("2-тоқсан", "2 квартал"),
    "q3": ("3-тоқсан", "3 квартал"),
    "q4": ("4-тоқсан", "4 квартал"),
    "year_score": ("Жылдық балл", "Годовой балл"),
    "band": ("Бағалау нәтижесі", "Результат оценки"),
    "commission_correction": ("Комиссияның түзетуі", "Корректировка комиссии"),
    "ack_state": ("Нәтижемен танысу", "Ознакомление с результатом"),
    "ack_date": ("Танысқан күні", "Дата ознакомления"),
    "calibration": ("Калибрлеу", "Калибровка"),
    "calibration_score": ("Калибрлеуден кейінгі балл", "Балл после калибровки"),
    "imported": ("Импортталған", "Импортировано"),
    "yes": ("иә", "да"),
    # --- values ---------------------------------------------------------------
    "ack_none": ("басталмаған", "не начато"),
    "ack_pending": ("танысуы күтілуде", "ожидает ознакомления"),
    "ack_acknowledged": ("танысты", "ознакомлен"),
    "ack_refused": ("танысудан бас тартты", "отказался от ознакомления"),
    "cal_applied": ("шешім күтілуде", "ожидает решения"),
    "cal_refused": ("бас тартылды", "отказано"),
    "cal_planned": ("сессия жоспарланды", "сессия назначена"),
    "cal_held": ("хаттамаға қол қойылды", "протокол подписан"),
    "cal_done": ("кері байланыс берілді", "обратная связь дана"),
    "competency_meets": ("барлық құзыреттер бойынша күтулерге сәйкес келеді",
                         "соответствует ожиданиям по всем компетенциям"),
    "competency_develop": ("дамытуды қажет ететін құзыреттер бар", "есть компетенции для развития"),
}


def label(key, lang):
    """The wording of ``key`` in ``lang`` ('kk' or 'ru')."""
    kazakh, russian = LABELS[key]
    return kazakh if lang == "kk" else russian


def header_keys(lang):
    """``{wording: key}`` of every label in ``lang``: the import reads a
    column by its header in either language."""
    return {label(key, lang).strip().lower(): key for key in LABELS}


# The Kazakh Cyrillic alphabet in its order (Russian's letters among it):
# names in a protocol are listed as a Kazakh reader expects, not by code point.
ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}


def name_key(name):
    """Sort key of a person's name in the Kazakh alphabetical order."""
    return [_RANK.get(char, len(ALPHABET) + ord(char)) for char in (name or "").lower()]
