"""Correct sentences by language: real running text and sentences written here.

- :func:`running_sentences`: 40 sentences in each of the 20 languages and 14
  scripts of ``data/multilingual`` (mostly Universal Dependencies, CC BY-SA 4.0;
  see its README), evenly spread over each file.
- :data:`WRITTEN`: short everyday sentences, most in languages that text lacks.
- :func:`sentences_by_language`: both, by language code.
- :func:`paragraphs`: the paragraphs of one language of ``data/multilingual``, whole.

The mojibake tests and ``benchmarks/mojibake_eval.py`` misread them through
every codec and require them back; unmisread, they must come out unchanged.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

MULTILINGUAL = Path(__file__).resolve().parent.parent / "data" / "multilingual"
PER_LANGUAGE = 40
# After . ! ? । and a space, or after the full-width 。！？ (Chinese and Japanese put no space).
SENTENCE_END = re.compile(r"(?<=[.!?।])\s+|(?<=[。！？])\s*")

WRITTEN: dict[str, tuple[str, ...]] = {
    "en": ("The café on Rue Saint-Honoré serves crème brûlée.", "Zoë and Chloë moved to Zürich in 2019."),
    "es": ("El niño comió una manzana en el jardín.", "¿Dónde está la estación? Está allí, señor."),
    "it": ("La città è molto più bella di quanto pensassi.", "Perché non vieni con noi domani?"),
    "ca": ("L’àvia va preparar una paella deliciosa.", "La col·lecció del museu és única."),
    "pt": ("A informação não está disponível às sextas-feiras.", "Ação e reação são iguais."),
    "ro": ("Învățătorul a spus că mâine vom merge în excursie.", "Țara are munți frumoși și câmpii întinse."),
    "fr": ("Noël à Besançon était très animé cette année.", "Où est la gare ? À gauche, après l’église."),
    "de": ("Die Brücke über den Fluss wurde gestern eröffnet.", "Schöne Grüße aus München!"),
    "nl": ("Het weer in België was gisteren erg slecht.", "Hij heeft een café geopend in Utrecht."),
    "da": ("Børnene spiste æbler i haven.", "Københavns havn er smuk om sommeren."),
    "sv": ("Vi åkte till Göteborg förra året.", "Smörgåsen var god och kaffet varmt."),
    "no": ("Været i Tromsø er kaldt om vinteren.", "Vi så nordlyset over fjorden."),
    "is": ("Þetta er fallegur dagur í Reykjavík.", "Ég á heima á Íslandi."),
    "fi": ("Hyvää päivää, mitä kuuluu?", "Järven jää sulaa keväällä."),
    "et": ("Tänavu oli talv väga külm.", "Ööbik laulis põõsas."),
    "pl": ("Zażółć gęślą jaźń.", "Książka leży na półce w pokoju."),
    "cs": ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "Večer jsme šli do divadla."),
    "sk": ("Ďakujem za pomoc, bolo to veľmi milé.", "Kôň beží po lúke."),
    "sl": ("Šola se začne v ponedeljek zjutraj.", "Čebele nabirajo med na travniku."),
    "hr": ("Đak je čitao knjigu u školi.", "Žena je kupila šešir i cipele."),
    "hu": ("Árvíztűrő tükörfúrógép.", "A könyv az asztalon fekszik."),
    "lv": ("Rīgā šodien līst lietus.", "Mēs ēdām ābolus dārzā."),
    "lt": ("Šiandien Vilniuje šilta ir saulėta.", "Vaikai žaidžia kieme."),
    "tr": ("Işık ılık süt içti.", "Çocuklar bahçede oyun oynuyor, öğretmen de izliyor."),
    "az": ("Bakı Azərbaycanın paytaxtıdır.", "Şəhərdə çoxlu gözəl bina var."),
    "sq": ("Tirana është kryeqyteti i Shqipërisë.", "Ne shkuam në det të shtunën."),
    "mt": ("Il-għalliem qed jitkellem mat-tfal.", "Ħafna nies jgħixu f’Malta."),
    "cy": ("Mae’r tywydd yn braf heddiw yng Nghymru.", "Rydw i’n hoffi darllen llyfrau."),
    "ga": ("Tá an aimsir go maith inniu.", "Is breá liom an fharraige."),
    "vi": ("Tôi đang học tiếng Việt ở Hà Nội.", "Hôm nay trời đẹp quá."),
    "el": ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.", "Τα παιδιά παίζουν στην παραλία."),
    "ru": ("Мы поехали на дачу в субботу утром.", "Ёлка стояла в углу комнаты."),
    "uk": ("Київ — столиця України.", "Ґанок біля хати був дерев’яний."),
    "be": ("Беларуская мова вельмі прыгожая.", "Мы ўсе пайшлі ў лес па грыбы."),
    "bg": ("София е столицата на България.", "Днес времето е хубаво."),
    "sr": ("Београд је главни град Србије.", "Ђаци иду у школу сваког јутра."),
    "mk": ("Скопје е главен град на Македонија.", "Ѓорѓи и Ѕвезда одат на училиште."),
    "kk": ("Қазақстанның астанасы — Астана.", "Біз кеше тауға бардық."),
    "mn": ("Монгол Улсын нийслэл Улаанбаатар хот.", "Өнөөдөр цаг агаар сайхан байна."),
    "ar": ("القاهرة هي عاصمة مصر.", "ذهب الأطفال إلى المدرسة صباحاً."),
    "hi": ("भारत की राजधानी नई दिल्ली है।", "आज मौसम बहुत अच्छा है।"),
    "bn": ("আমি বাংলায় কথা বলি।", "ঢাকা বাংলাদেশের রাজধানী।"),
    "ta": ("தமிழ் ஒரு பழமையான மொழி.", "நான் சென்னையில் வாழ்கிறேன்."),
    "am": ("አዲስ አበባ የኢትዮጵያ ዋና ከተማ ናት።", "ሰላም ነው?"),
    "zh_Hant": ("臺北是一座繁華的城市。", "我們明天一起去圖書館吧。"),
    "ko": ("오늘 날씨가 정말 좋네요.", "서울은 대한민국의 수도입니다."),
    "ja": ("東京は日本の首都です。", "明日、京都へ行きます。"),
}


@functools.cache
def _running_sentences() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted(MULTILINGUAL.glob("*.txt")):
        sentences = [
            piece
            for paragraph in path.read_text(encoding="utf-8").split("\n")
            for sentence in SENTENCE_END.split(paragraph.strip())
            for piece in _pieces(sentence)
            if len(piece) >= 20
        ]
        step = max(1, len(sentences) // PER_LANGUAGE)
        found[path.stem] = tuple(sentences[::step][:PER_LANGUAGE])
    return found


def _pieces(sentence: str, longest: int = 250) -> list[str]:
    """``sentence`` cut at spaces into pieces of at most ``longest`` characters (Thai has no full stops)."""
    pieces: list[str] = []
    while len(sentence) > longest:
        cut = sentence.rfind(" ", 0, longest)
        if cut <= 0:
            return pieces
        pieces.append(sentence[:cut])
        sentence = sentence[cut + 1 :]
    return [*pieces, sentence]


def running_sentences() -> dict[str, list[str]]:
    """Sentences of ``data/multilingual`` (longer ones cut at spaces), by language: every n-th, 40 at most."""
    return {language: list(sentences) for language, sentences in _running_sentences().items()}


def sentences_by_language() -> dict[str, list[str]]:
    """:func:`running_sentences` and :data:`WRITTEN` together, by language code."""
    merged = running_sentences()
    for language, written in WRITTEN.items():
        merged.setdefault(language, []).extend(written)
    return merged


def paragraphs(language: str) -> list[str]:
    """The paragraphs of ``data/multilingual``'s file for ``language``, in order."""
    return (MULTILINGUAL / f"{language}.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
