"""The check-in page's words in Kazakh, Russian, English and Korean (issue 14).

The page speaks the four languages of domain/checkin.py ``LANGUAGES``; the project's message
catalogue (domain/messages) has no Korean, so the page keeps its own short texts here. Every language
has every key (tests/integration/test_checkin_page.py checks it, and the placeholders). Texts are
short and plain: a frightened person reads them on a small screen, perhaps in their second language.
"""

from __future__ import annotations

from datetime import datetime

from embassy_desk.domain.checkin import LANGUAGES
from embassy_desk.domain.enums import CheckinAnswer

# How each language names itself in the switcher.
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English", "ko": "한국어"}
# The script the given name is shown in: Cyrillic for kk/ru, Latin for en/ko.
CYRILLIC_NAME = frozenset({"kk", "ru"})

TEXTS: dict[str, dict[str, str]] = {
    "kk": {
        "title": "Жағдайыңызды хабарлаңыз",
        "hello": "Сәлеметсіз бе, {name}!",
        "hello_nameless": "Сәлеметсіз бе!",
        "intro": "Елшілік сіздің жағдайыңызды білгісі келеді. Бір жауапты таңдаңыз.",
        "safe": "Мен аман-саумын",
        "needs_help": "Маған көмек керек",
        "phone_changed": "Телефон нөмірім өзгерді",
        "message": "Не болды? (міндетті емес)",
        "callback": "Сізге қоңырау шалатын нөмір",
        "phone": "Жаңа нөміріңіз",
        "phone_hint": "Ел кодымен, мысалы +82 10 1234 5678",
        "current": "Сіздің жауабыңыз: «{answer}».",
        "until": "Жауапты осы бетте {date} дейін өзгертуге болады.",
        "done_safe": "Рақмет! Аман екеніңізді белгіледік.",
        "done_needs_help": "Өтінішіңіз қабылданды. Елшілік сізбен мүмкіндігінше тез хабарласады.",
        "done_phone_changed": "Рақмет! Елшілік жаңа нөміріңізді тексереді.",
        "change": "Жауапты өзгерту",
        "language": "Тіл",
        "not_found_title": "Сілтеме жарамсыз",
        "not_found": (
            "Бұл сілтеме қате немесе оның мерзімі өтіп кеткен. Көмек керек болса, елшілікке хабарласыңыз."
        ),
        "too_many_title": "Тым көп әрекет",
        "too_many": "Біраз күтіп, қайталап көріңіз.",
        "refused_title": "Сұрау қабылданбады",
        "refused": "Бұл бетті сілтеменің өзінен ашып, жауапты сол жерден жіберіңіз.",
        "error_answer": "Бір жауапты таңдаңыз.",
        "error_message": "Мәтін тым ұзын: ең көбі {max} таңба.",
        "error_callback": "Қоңырау шалатын нөмір дұрыс емес.",
        "error_phone": "Жаңа нөміріңізді ел кодымен дұрыс жазыңыз.",
        "error_csrf": "Бет тым ұзақ ашық тұрды. Жауапты қайта таңдаңыз.",
    },
    "ru": {
        "title": "Сообщите, как вы",
        "hello": "Здравствуйте, {name}!",
        "hello_nameless": "Здравствуйте!",
        "intro": "Посольство хочет знать, что с вами всё в порядке. Выберите один ответ.",
        "safe": "Я в безопасности",
        "needs_help": "Мне нужна помощь",
        "phone_changed": "У меня новый номер телефона",
        "message": "Что случилось? (необязательно)",
        "callback": "Номер для обратного звонка",
        "phone": "Ваш новый номер",
        "phone_hint": "С кодом страны, например +82 10 1234 5678",
        "current": "Ваш ответ: «{answer}».",
        "until": "Ответ можно изменить на этой странице до {date}.",
        "done_safe": "Спасибо! Мы отметили, что вы в безопасности.",
        "done_needs_help": "Ваша просьба получена. Посольство свяжется с вами как можно скорее.",
        "done_phone_changed": "Спасибо! Посольство проверит ваш новый номер.",
        "change": "Изменить ответ",
        "language": "Язык",
        "not_found_title": "Ссылка недействительна",
        "not_found": (
            "Эта ссылка неверна или срок её действия истёк. Если вам нужна помощь, свяжитесь с посольством."
        ),
        "too_many_title": "Слишком много попыток",
        "too_many": "Подождите немного и попробуйте снова.",
        "refused_title": "Запрос отклонён",
        "refused": "Откройте эту страницу по своей ссылке и отправьте ответ оттуда.",
        "error_answer": "Выберите один ответ.",
        "error_message": "Текст слишком длинный: не более {max} символов.",
        "error_callback": "Номер для обратного звонка указан неверно.",
        "error_phone": "Укажите новый номер правильно, с кодом страны.",
        "error_csrf": "Страница была открыта слишком долго. Выберите ответ ещё раз.",
    },
    "en": {
        "title": "Let us know how you are",
        "hello": "Hello, {name}!",
        "hello_nameless": "Hello!",
        "intro": "The embassy would like to know that you are all right. Please choose one answer.",
        "safe": "I am safe",
        "needs_help": "I need help",
        "phone_changed": "My phone number has changed",
        "message": "What happened? (optional)",
        "callback": "Number to call you back",
        "phone": "Your new number",
        "phone_hint": "With the country code, e.g. +82 10 1234 5678",
        "current": "Your answer: “{answer}”.",
        "until": "You can change it on this page until {date}.",
        "done_safe": "Thank you. We have noted that you are safe.",
        "done_needs_help": "We have your request. The embassy will contact you as soon as possible.",
        "done_phone_changed": "Thank you. The embassy will check your new number.",
        "change": "Change my answer",
        "language": "Language",
        "not_found_title": "This link is not valid",
        "not_found": "The link is wrong or has expired. If you need help, contact the embassy.",
        "too_many_title": "Too many attempts",
        "too_many": "Please wait a little and try again.",
        "refused_title": "Request refused",
        "refused": "Open this page from your own link and send your answer from there.",
        "error_answer": "Please choose one answer.",
        "error_message": "The text is too long: {max} characters at most.",
        "error_callback": "The number to call you back is not a valid phone number.",
        "error_phone": "Please write your new number correctly, with the country code.",
        "error_csrf": "The page was open for too long. Please choose your answer again.",
    },
    "ko": {
        "title": "안부를 알려 주세요",
        "hello": "{name} 님, 안녕하세요.",
        "hello_nameless": "안녕하세요.",
        "intro": "대사관에서 안부를 확인하고 있습니다. 해당하는 답을 하나 골라 주세요.",
        "safe": "저는 안전합니다",
        "needs_help": "도움이 필요합니다",
        "phone_changed": "전화번호가 바뀌었습니다",
        "message": "무슨 일이 있나요? (선택)",
        "callback": "연락받을 전화번호",
        "phone": "새 전화번호",
        "phone_hint": "국가 번호와 함께, 예: +82 10 1234 5678",
        "current": "현재 답변: ‘{answer}’",
        "until": "{date}까지 이 페이지에서 답을 바꿀 수 있습니다.",
        "done_safe": "감사합니다. 안전하다는 답을 받았습니다.",
        "done_needs_help": "도움 요청을 받았습니다. 대사관에서 최대한 빨리 연락드리겠습니다.",
        "done_phone_changed": "감사합니다. 대사관에서 새 번호를 확인하겠습니다.",
        "change": "답 바꾸기",
        "language": "언어",
        "not_found_title": "유효하지 않은 링크입니다",
        "not_found": "링크가 잘못되었거나 기간이 끝났습니다. 도움이 필요하면 대사관에 연락하세요.",
        "too_many_title": "요청이 너무 많습니다",
        "too_many": "잠시 후 다시 시도해 주세요.",
        "refused_title": "요청이 거부되었습니다",
        "refused": "본인의 링크로 이 페이지를 열어 답을 보내 주세요.",
        "error_answer": "답을 하나 골라 주세요.",
        "error_message": "글이 너무 깁니다. 최대 {max}자까지 쓸 수 있습니다.",
        "error_callback": "연락받을 전화번호가 올바르지 않습니다.",
        "error_phone": "새 전화번호를 국가 번호와 함께 정확히 입력해 주세요.",
        "error_csrf": "페이지가 너무 오래 열려 있었습니다. 답을 다시 골라 주세요.",
    },
}
assert set(TEXTS) == set(LANGUAGES)

_MONTHS_EN = "January February March April May June July August September October November December"


def text(language: str, key: str, **params: str | int) -> str:
    """The text ``key`` in ``language`` with its ``{placeholders}`` filled."""
    template = TEXTS[language][key]
    return template.format(**params) if params else template


def answer_word(language: str, answer: CheckinAnswer) -> str:
    """What the page calls an answer (the words of its button)."""
    return TEXTS[language][answer.value]


def format_day(language: str, moment: datetime) -> str:
    """A day as the language writes it: 21.12.2026, 21 December 2026, 2026년 12월 21일."""
    if language == "ko":
        return f"{moment.year}년 {moment.month}월 {moment.day}일"
    if language == "en":
        return f"{moment.day} {_MONTHS_EN.split()[moment.month - 1]} {moment.year}"
    return moment.strftime("%d.%m.%Y")
