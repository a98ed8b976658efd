"""Word-level helpers of the reader: key terms, typed spans (names, numbers, dates), turning a
note to face the user, and the support check that keeps every value of an answer in its source.

Pure functions on strings: no model, no memory, so they are cheap to test and to reason about.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from memory.gloss import fold  # folded as the glossary and the full-text index fold

_WORD = re.compile(r"[^\W_](?:[^\W_]|['’\-])*")  # letters of any script: "Lucía" is one word
_TOKEN = re.compile(r"\w+", re.UNICODE)

# Words that say what kind of question it is but not what it is about.
STOP_WORDS = frozenset(
    """a an the is are was were be been being am do does did doing i me my mine myself you your yours
    we our ours us he she his her him they them their it its this that these those what who whom
    whose which when where why how of in on at to for from with by and or but not no so as about
    into any some can could would should will shall may might must have has had there here than then
    also just very much many tell know name names named called call s t d ll re ve m next last
    whats what's who's where's when's hows i'm im get got go going please again now
    pls plz thx wat wut wats whos whens ur""".split()  # (the last line: how questions are typed in a hurry)
)

# Words for a person by how they stand to the user: kin (and the people close by) and roles.
KIN = (r"(?:mum|mom|mother|dad|father|parents?|wife|husband|partner|spouse|son|daughter|brother|sister|"
       r"aunt|uncle|cousin|niece|nephew|grand\w+|friend|boss|manager|colleague|neighbou?r|boyfriend|girlfriend|fianc\w+|"
       r"in-laws?|\w+-in-law)")
PERSON_ROLES = (r"(?:kids?|child|children|baby|twin|sibling|step\w+|teacher|tutor|coach|instructor|trainer|sensei|doctor|gp|dentist|vet|nurse|physio|"
                r"therapist|supervisor|(?:team )?lead|mentor|landlord|landlady|tenant|mechanic|accountant|lawyer|solicitor|broker|cleaner|"
                r"babysitter|nanny|roommate|flatmate|housemate|assistant|student|client|godson|goddaughter|godmother|godfather|"
                # the doctors a household sees: "my rheumatologist", "my paediatrician", "my internist"
                r"[a-z]+(?:ologist|iatrist|iatrician)|internist|optician|optometrist|orthodontist|pharmacist|surgeon|midwife)")

# "New" in the languages notes are written in: "New number:", "Nouvelle adresse :", "Nuevo teléfono:".
NEW_WORDS = r"(?:new|nouveau|nouvel|nouvelle|nuevo|nueva|novo|nova|neue[rs]?|neu|nieuwe?|nowy|nowa|nuovo|nuova)"
# ... and "next", for what comes next ("Nächste HU 09/2028").
NEXT_WORDS = r"(?:next|nächste[rns]?|prochaine?|próxim[oa]|prossim[oa]|volgende|næste|nästa|neste)"

# What families call a grandparent, an aunt or an uncle, written before the first name like a
# title ("Gogo Nokuthula", "Farmor Ingrid", "Oma Ruth", "Auntie Grace") and used alone as a name.
FAMILY_TITLES = frozenset("""gran granny grandma grandpa grandad granddad nan nana nanna nanny gramps auntie aunty aunt
    uncle gogo mkhulu ouma oupa oma opa omi opi farmor farfar mormor morfar bestemor bestefar mummo vaari
    tante onkel oom nonna nonno zia zio abuela abuelo abuelita abuelito tia tio tía tío avó avô babcia dziadek
    babička dědeček mamie papi papy mémé pépé bubbe zayde bibi babu lola lolo amma appa ammachi achan dadi dada
    nani nanaji""".split())

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays".split()
WEEKDAY_ABBREVS = "mon tue tues wed thu thur thurs fri sat sun".split()
# The days of the week in the languages notes mix in, as "dienstags", "segunda-feira", "w środę"
# answer "On which day ...?" (each folded: no diacritics; "-feira" days by their first word).
FOREIGN_WEEKDAYS = frozenset("""montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag montags dienstags
    mittwochs donnerstags freitags samstags sonntags maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miercoles jueves viernes sabado domingo
    lunedi martedi mercoledi giovedi venerdi sabato domenica segunda-feira terca-feira quarta-feira quinta-feira
    sexta-feira poniedzialek wtorek sroda czwartek piatek sobota niedziela poniedzialki wtorki srody czwartki
    piatki soboty niedziele mandag tirsdag onsdag torsdag fredag lordag sondag mandagar tisdag lordagar sondagar""".split()) | frozenset(
    # Ukrainian, in the cases a diary writes them ("по четвергах", "у вівторок"), and short ("вт, чт, сб")
    """понеділок понеділка понеділках понеділкам вівторок вівторка вівторках вівторкам середа середу середи середах
    середам четвер четверга четвергах четвергам пʼятниця пʼятницю пʼятниці пʼятницях пʼятницям п'ятниця п'ятницю
    п'ятницях субота суботу суботи суботах суботам неділя неділю неділі неділях неділям пн вт ср чт пт сб нд""".split()) | frozenset(
    # Malay and Indonesian ("Selasa 4 petang", "Sabtu & Ahad"); not "minggu", which is also a week
    "isnin senin selasa rabu khamis kamis jumaat jumat sabtu ahad".split()) | frozenset(
    # Bulgarian, as a day and with its article ("в сряда и петък", "вторниците")
    """понеделник понеделника понеделниците вторник вторника вторниците сряда срядата средите четвъртък четвъртъка
    четвъртъците петък петъка петъците събота съботата съботите неделя неделята неделите""".split())
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "half dozen first second third fourth fifth"
).split()

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# The Dutch and Danish day-month-year with dashes ("14-08-1989"); not a phone's "030-5550147".
DAY_MONTH_YEAR = r"(?<![\d-])(?:0?[1-9]|[12]\d|3[01])-(?:0?[1-9]|1[0-2])-(?:19|20)\d{2}(?![\d-])"
# Day/month-year, as Denmark and Norway write a date: "22/8-1988", "02/05-2031".
DAY_SLASH_MONTH_YEAR = r"(?<![\d/])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])-(?:19|20)\d{2}(?![\d-])"
# A day and a month with dots, as most of Europe writes them: "28.8.", the start of "2.6.2022".
_DAY_DOT_MONTH = r"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\."
# Year first with dots, as Korea, China, Japan and Hungary write it: "2027.03.31", "2026. 9. 15".
YEAR_MONTH_DAY_DOTS = r"(?:19|20)\d{2}\.\s?(?:0?[1-9]|1[0-2])\.\s?(?:0?[1-9]|[12]\d|3[01])"
# Notes mix languages ("Novo prazo: 15 de novembro de 2026", "Termin 30. Oktober"): month names
# of the other languages people write dates in, read only beside a day or a year.
FOREIGN_MONTHS = {
    name: i + 1 for names in (
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",  # pt
        "januar februar märz april mai juni juli august september oktober november dezember",  # de
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",  # es
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",  # fr
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",  # it
        "január február március április május június július augusztus szeptember október november december",  # hu
        "januar februar mars april mai juni juli august september oktober november desember",  # no
        "januar februar marts april maj juni juli august september oktober november december",  # da
        "januari februari mars april maj juni juli augusti september oktober november december",  # sv
        "januari februari maret april mei juni juli agustus september oktober november desember",  # id
        "januari februari mac april mei jun julai ogos september oktober november disember",  # ms
        "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",  # ro
        "januari februari maart april mei juni juli augustus september oktober november december",  # nl
        "janúar febrúar mars apríl maí júní júlí ágúst september október nóvember desember",  # is
        # Slavic and Finnish dates put the month in the genitive or partitive: "4. decembra",
        # "12. listopadu", "3 listopada", "5. joulukuuta".
        "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",  # sk
        "ledna února března dubna května června července srpna září října listopadu prosince",  # cs
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",  # pl
        "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta "
        "marraskuuta joulukuuta",  # fi
    ) for i, name in enumerate(names.split())
    # Words stand for their month everywhere ("maja" would be "may"): not the ones that are names.
    if name not in ("maja", "mája", "augusta")
}
# Hungarian writes the month before the day, the year first: "augusztus 18.", "2026. október 8.".
_HUNGARIAN_RE = "|".join("január február március április május június július augusztus szeptember október".split())
_FOREIGN_RE = "|".join(sorted((m for m in FOREIGN_MONTHS if m not in MONTHS), key=len, reverse=True))
_DATE = re.compile(
    # "2. august": the Nordic and German ordinal dot before a month English spells the same.
    rf"\b(?:(?<![\d.])(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?:{_MONTH_RE})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTH_RE})\.?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTH_RE})\.?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    # Danish and Norwegian write the year after a hyphen: "22/8-1988", "1/10-2026".
    rf"|{DAY_SLASH_MONTH_YEAR}"
    # Year first with slashes, as South Africa, Japan and China write it: "2027/02/28".
    rf"|(?:19|20)\d{{2}}/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\d/])"
    # "2.6.2022." ends its sentence; "1.2.2022.5" is no date.
    rf"|{DAY_MONTH_YEAR}|{_DAY_DOT_MONTH}(?:\d{{4}}|\d{{2}})(?![\d]|\.\d)"
    # Year-less, as Finland, Germany and Czechia write a birthday: "Synttärit 28.8.", "ab 1.11.".
    rf"|(?<![\d.,]){_DAY_DOT_MONTH}(?![\d])"
    # Year first with dots, as Korea, China, Japan and Hungary write it: "2027.03.31", "2026. 9. 15.".
    rf"|(?<![\d.]){YEAR_MONTH_DAY_DOTS}(?![\d]|\.\d)"
    # ... and with the Korean or Chinese characters: "2026년 9월 15일", "2026年9月15日", "11월 3일".
    rf"|(?:(?:19|20)\d{{2}}\s*[년年]\s*)?(?:0?[1-9]|1[0-2])\s*[월月]\s*(?:0?[1-9]|[12]\d|3[01])\s*[일日]"
    # Czech, Slovak and German with spaces: "14. 2. 2021", "3. 4. 2031"; year-less "10. 12.".
    rf"|(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.\s(?:0?[1-9]|1[0-2])\.(?:\s(?:19|20)\d{{2}}(?!\d)|(?!\s?\d))"
    # A year-less day/month with a two-digit month ("Vacina anual: 14/03"); not "4/5" or "24/7".
    rf"|(?<![\d/])(?:[0-2]?\d|3[01])/(?:0[1-9]|1[0-2])(?![\d/])"
    rf"|\d{{1,2}}\.?\s+(?:de\s+)?(?:{_FOREIGN_RE})(?:\s+(?:de\s+)?\d{{4}})?"
    rf"|(?:(?:19|20)\d{{2}}\.\s*)?(?:{_HUNGARIAN_RE})\s+(?:0?[1-9]|[12]\d|3[01])\.?(?!\d))(?![\w])",
    re.IGNORECASE,
)
# A dotted date ("18.10.2026", "18.10.26") is no time: the digits after a second dot are a year.
_TIME = re.compile(r"(?<!\d\.)(?<![£$€¥])\b\d{1,2}[:.]\d{2}(?![\d])(?![.,]\d)(?:[:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|\b\d{1,2}\s*(?:am|pm)\b"
                   # The French clock: "17 h", "9 h 15", "16h30".
                   r"|\b(?:[01]?\d|2[0-3])\s?h(?:\s?[0-5]\d)?\b(?![\w/])", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_STREET = (r"street|st|road|rd|avenue|ave|lane|ln|walk|grove|way|drive|close|court|ct|place|pl|crescent|terrace|"
           r"boulevard|blvd|square|sq|row|hill|gardens|parade|strasse|straße|weg|gasse|via|vicolo|rue|calle")
_ADDRESS = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:[A-Z0-9][\w'.-]*\s+){{0,3}}(?i:{_STREET})\b\.?(?:[^;|\n]{{0,60}})"
    rf"|\b(?:[A-Z][\w'.-]*\s+){{1,3}}(?i:{_STREET})\s+\d{{1,5}}\b(?:[^;|\n]{{0,60}})"
    rf"|\b(?:Via|Vicolo|Viale|Piazza|Rue|Calle|Avenida|Rua|Av\.|Avda\.)\s+(?:[\w'.-]+\s+){{1,4}}\d{{1,5}}\b(?:[^;|\n]{{0,60}})"
    # A street and number before a postcode and its town, as most of Europe writes an address:
    # "Ozaljska 93, 10000 Zagreb", "Rynek Główny 12, 31-042 Kraków".
    rf"|\b[A-ZÀ-Þ\u0100-\u017f][\w'.-]*(?:\s+[\w'.-]+){{0,3}}\s+(?!(?:19|20)\d\d,)\d{{1,5}}[a-zA-Z]?(?:/\d{{1,4}})?,\s*(?:[A-Z]{{1,2}}-?)?\d{{2}}[- ]?\d{{3}}\s+[A-ZÀ-Þ\u0100-\u017f][\w'-]+(?:[^;|\n]{{0,60}})"
    rf"|\b[A-Z][\w'-]*(?:straße|strasse|weg|gasse|gracht|laan|plein|kade|singel|vej|gatan|gata|gaten|gate|gade|veien|vegen|vei|veg|bakken|plassen|allé)\s+\d{{1,5}}\b(?:[^;|\n]{{0,60}})"
    # Central European streets: "ul. Kraszewskiego 21/4", "al. Pokoju 5", "os. Ruczaj 12", "nám. Míru 3".
    # Romanian streets: "Str. Aurel Vlaicu nr. 12", "Bd. Eroilor 5", "Calea Dorobanților nr. 41";
    # Albanian: "Rruga Fan Noli 23", "Rr. e Dibrës 112".
    rf"|\b(?:[Ss]tr|[Ss]trada|Bd|Bdul|Bulevardul|Calea|Aleea|Șos|Șoseaua|Sos|Soseaua|Piața|Piata|Rruga|Rr)\.?\s+(?:[A-ZÀ-Þ\u0100-\u017f\u0218-\u021b][\w'.-]*\s+){{1,4}}(?:nr\.\s*)?\d{{1,5}}[a-zA-Z]?\b(?:[^;|\n]{{0,60}})"
    rf"|\b(?:ul|al|pl|os|nám|tř)\.\s*(?:[A-ZÀ-Þ\u0100-\u017f][\w'.-]*\s+){{1,4}}\d{{1,5}}(?:/\d{{1,4}})?[a-zA-Z]?\b(?:[^;|\n]{{0,60}})"
    # Lithuanian streets, the kind after the name: "Vytauto g. 27-14", "Taikos pr. 88", "Laisvės al. 1", "Utenio a. 5".
    rf"|\b(?:[A-ZÀ-Þ\u0100-\u017f][\w'-]*\s+){{1,3}}(?:g|pr|al|a|pl|skg|tak)\.\s+\d{{1,5}}[A-Za-z]?(?:-\d{{1,4}})?\b(?:[^;|\n]{{0,60}})"
    # Malaysian and Indonesian streets, the kind before the name, a house number before or after:
    # "No. 27, Jalan Bercham Indah 5, Taman ...", "Lorong Mawar 3", "Jl. Melati Raya No. 12".
    rf"|\b(?:No\.\s?\d{{1,5}}[A-Za-z]?,?\s+)?(?:Jalan|Jln\.?|Jl\.|Lorong|Lrg\.?|Persiaran|Lebuh)\s+(?:[A-Z0-9][\w'.-]*\s*){{1,4}}(?=[\s,]|$)(?:[^;|\n]{{0,60}})"
    # Ukrainian (and Russian) streets, the kind before the name and a comma before the number:
    # "вул. Шевченка, 12, кв. 5", "просп. Свободи 28", "пл. Ринок, 1".
    rf"|(?<!\w)(?:вул|вулиця|ул|улица|просп|проспект|пр|пл|площа|бульв|бульвар|пров|провулок)\.?\s+"
    rf"(?:[\u0400-\u042f\u0490][\w'ʼ.-]*,?\s+){{1,3}}\d{{1,5}}(?:[-/]?[\u0430-\u044fA-Za-z])?(?!\w)(?:[^;|\n]{{0,60}})"
    # ... and a house and flat without the street's kind, as a microdistrict is written: "Самал-2,
    # д. 58, кв. 34, Алматы".
    rf"|(?<!\w)[\u0400-\u042f][\w'ʼ.-]*(?:\s+[\w'ʼ.-]+)?,\s+д\.\s*\d{{1,5}}[\u0430-\u044f]?,\s+кв\.\s*\d{{1,4}}(?:[^;|\n]{{0,60}})"
)
# An IBAN written in groups: a country's two letters, two check digits, groups of four ("SK89 0900
# 0000 0050 5512 3471", "CH56 0900 0000 8547 1203 9").
IBAN_GROUPED = r"[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){3,7}(?: [A-Z0-9]{1,4})?"
# Digits joined by single spaces, dots, hyphens or brackets; not across a list's " - " ("ward 4 - 555-0141").
_PHONE = re.compile(r"(?<![\w+])(?:\+|\((?=\d))?\d(?:[\d().-]|\s(?=[\d(])){5,}\d")
# A bank account's number has a phone number's shape: "A/c 30112278451", "account no: 501004...".
_ACCOUNT_BEFORE = re.compile(r"(?i)\b(?:a/c|acct|account|iban|sort code)(?:\s*(?:no\.?|number|#))?\s*:?\s*$")
# Thousands grouped by a space, as much of the world writes them: "R 11 500", "4 614 kr".
# (Three decimals after spaced thousands are decimals: the dinar's "1 245,500 DT" has millimes.)
_SPACED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d{1,3})?(?!\d)"
# Currencies as people write them before an amount ("KSh 4,500", "R$ 89,90", "zł 40") and after
# it ("612,40 zł", "2 500 kr", "3,000 naira"): most of the world's, so a note from anywhere is read.
_CUR_SIGNS = r"[$€£¥₹₦₵₱₩₪₫₺₴₽฿৳₸₼₾₡₲₭₮]"
# Every other ISO 4217 code, in capitals only ("SRD 7.400", "23.750 SRD", "TTD 4,500"): not
# TOP, CUP or ALL, which are words.
_ISO_CODES = "|".join("""AFN ANG AOA AWG BAM BBD BGN BIF BMD BND BSD BWP BYN BZD CDF CRC CVE DJF DOP ERN ETB FKP
    GIP GMD GNF GTQ GYD HNL HTG ILS IRR JMD KHR KMF KPW KYD LBP LRD LSL MDL MGA MKD MOP MRU MUR MWK MZN NAD NIO
    PAB PGK RSD RWF SBD SCR SDG SHP SLE SOS SRD SSP STN SVC SYP SZL TMT TTD VES VUV WST XAF XCD XOF XPF YER ZMW
    ZWL""".split())
_CUR_BEFORE = (r"(?:(?-i:[A-Z]{2,3})\$(?=\s?\d)|rs\.?|inr|kshs?\.?|kes|ush|ugx|tshs?|tzs|ngn|ghs|gh₵|zar|egp|e£|aed|sar|qar|kwd|omr|bhd|jod|mad|"
               r"pkr|lkr|npr|bdt|php|idr|myr|thb|vnd|cny|rmb|krw|twd|hkd|sgd|aud|nzd|cad|usd|us\$|u\$s|u\$d|a\$|c\$|nz\$|hk\$|s\$|"
               r"mx\$|brl|r\$|ars|clp|cop|pen|s/\.?|b/\.?|uyu|mxn|pln|zł|czk|kč|huf|ron|try|uah|rub|chf|sek|nok|dkk|isk|eur|gbp|jpy|"
               r"amd|gel|kzt|mnt|uzs|tnd|dzd|mad|lyd|iqd|azn|kgs|tjs|pyg|gs\.|gs(?=\s?\d{1,3}\.\d{3})|bs\.|"
               # Bhutan, Laos, Myanmar, the Maldives, Fiji, Bangladesh: "BTN 3,600", "LAK 450,000".
               r"btn|lak|mmk|mvr|fjd|(?-i:" + _ISO_CODES + r")(?=\s?\d))"
               # Not a plate's letters ("BXRM 205"); the ngultrum, taka and kyat as written before
               # their amount ("Nu. 3,600", "Tk. 1,200", "Ks. 50,000"), not Dutch "nu 3 keer"; the
               # boliviano without its dot ("Bs 450").
               r"(?![a-z])|(?<![A-Za-z])(?-i:RM|Rp|Nu\.?|Tk\.?|Ks\.?|Bs)(?=\s?\d)"
               # ... and the ariary, "Ar 40 000", with its thousands (not "Ar 5").
               r"|(?<![A-Za-z])(?-i:Ar)(?=\s?\d{1,3}(?:[ ,.\u00a0]\d{3})+(?!\d))"
               # Malawi's kwacha, "MK720,000", "MK 1,350,000.00": with its thousands or cents (not a Golf "MK4").
               r"|(?<![A-Za-z])(?-i:MK)(?=\s?(?:\d{1,3}(?:,\d{3})+|\d+\.\d{2})\b)")
_CUR_AFTER = (r"(?:dollars|euros|pounds|rupees|rand|usd|eur|gbp|inr|zar|chf|kr|sek|nok|dkk|isk|zł|zl|pln|złotych|zlotys?|"
              r"czk|kč|huf|forint|ron|lei|try|lira|uah|грн|rub|руб|лв|лева|bgn|ksh|kes|shillings?|bob|naira|ngn|cedis?|ghs|pesos?|reais|"
              r"yen|jpy|yuan|rmb|cny|won|krw|baht|thb|dong|vnd|ringgit|rupiah|soles|dirhams?|aed|riyals?|sar|egp|php|idr|myr|"
              # The Caucasus, Central Asia and the Maghreb: "486,300 AMD", "6 120 000 so'm", "1 250 DT".
              r"amd|drams?|gel|lari|kzt|tenge|тенге|тг|mnt|uzs|so['’ʻ‘]m|сўм|сум|tnd|dinars?|dzd|lyd|iqd|azn|manats?|kgs|som|tjs|"
              # Paraguay and Albania: "Gs. 2.870.000" (above), "850.000 guaraníes", "245.000 lekë"
              r"guaran[ií]es|pyg|lek[eë]?|"
              # ... and South and Southeast Asia's, Fiji's: "450,000 kip", "3,600 ngultrum".
              r"kip|lak|btn|ngultrums?|taka|bdt|kyats?|mmk|rufiyaa|mvr|fjd|"
              # Panama's balboa and Eswatini's lilangeni: "780 balboas", "350 emalangeni".
              r"balboas?|emalangeni|lilangeni|ariary|"
              # West and Central Africa's franc: "70 000 FCFA", "5 000 F CFA", "12 000 francs CFA".
              r"f\.?\s?cfa|(?:francs?\s)?cfa|francs?|(?-i:" + _ISO_CODES + r"))"
              # Madagascar's ariary after its amount, "40 000 Ar" (a capital, then no letter).
              r"(?![a-z])|(?-i:đ|Ft|DT|ALL|Ar)(?!\w)|/=")  # the forint as Hungary writes it: "235 000 Ft" (not "6 ft")
# Digits of an amount; Swiss notes group thousands by an apostrophe and write whole francs with a
# dash: "CHF 2'235.–", "Fr. 96.–".
_DIGITS = r"\d(?:[\d,.]|['’](?=\d{3}))*(?:\.[–-](?!\d))?"
# The franc as the Swiss abbreviate it, only before an amount that cannot be a German "Fr." (Friday)
# date ("Fr. 12.11."): whole francs with a dash, or cents not followed by another dot.
_FRANC = r"(?-i:S?Fr\.|SFr|sFr\.?)(?=\s?\d(?:\d|['’](?=\d{3}))*(?:\.[–-]|[.,]\d{2}(?![.\d])))"
_MONEY = re.compile(r"(?:" + _CUR_SIGNS + r"|\b" + _CUR_BEFORE + r"|(?<!\w)(?:zł|kč|e£|gh₵)|\b" + _FRANC
                    # The rand's "R 350", "R1 118.50"; not a tyre's rim ("215/60 R17") nor a grade.
                    # A sign between the symbol and the digits: Mercado Pago's "$ -40.000,00".
                    + r"|(?<![\d/] )(?<![\d/])\b(?-i:R)(?=\s?\d)"
                    # Lesotho's maloti, "M2,350.00", "M449.00": written with its cents or thousands
                    # only (not a motorway's "M25", a BMW's "M3").
                    + r"|\b(?-i:M)(?=\d{1,3}(?:,\d{3})*\.\d{2}\b|\d{1,3}(?:,\d{3})+\b)"
                    # Eswatini's lilangeni, "E 4,500", "E14,200.00", "E 599 a month": with its
                    # thousands or cents, or a period after it (not a European road's "E 45").
                    + r"|\b(?-i:E)(?=\s?(?:\d{1,3}(?:,\d{3})+\b|\d+\.\d{2}\b|\d+\s+(?:a|per|each|every)\s+(?:month|year|week|term)\b))"
                    # Botswana's pula (and a peso written without its sign), "P1,250", "P 9,800",
                    # "P450.00", "P1,250 a month": alike.
                    + r"|\b(?-i:P)(?=\s?(?:\d{1,3}(?:,\d{3})+\b|\d+\.\d{2}\b|\d+\s+(?:a|per|each|every)\s+(?:month|year|week|term)\b)))"
                    r"\s?(?:[-−]\s?)?(?:" + _SPACED + r"|" + _DIGITS + r")"
                    r"(?:\s?(?:k|m|million|thousand|lakhs?|crores?)\b)?(?:/=)?"
                    r"|\b(?:" + _SPACED + r"|" + _DIGITS + r")\s?(?:" + _CUR_AFTER + r")"
                    # The symbol after the amount, as French, German or Québec writers put it:
                    # "142 $", "14,30 €", "1 184,37 $" (thousands by a space).
                    # ... and by a dot or a comma ("1.180 €", "48.600 €", "2,250 $"), never cut to "180 €".
                    r"|\b\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d{2})?\s?" + _CUR_SIGNS
                    + r"|\b\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*(?:[.,]\d{2})?\s?" + _CUR_SIGNS + r"(?!\w)"
                    + r"|(?<!\d[.,])\b\d+(?:[.,]\d{1,2})?\s?" + _CUR_SIGNS + r"(?!\w)"
                    # The cifrão of Cape Verde's escudo parts escudos from centavos: "42.500$00",
                    # never the dollar of "$00".
                    + r"|\b\d{1,3}(?:[.\u00a0 ]\d{3})*\$\d{2}(?!\d)",
                    re.IGNORECASE)
_NUMBER = re.compile(r"\b\d[\d,.:/-]*\d\b|\b\d\b|\b[A-Z]{1,4}[- ]?\d[\w-]*\b")
# Capitals of the Latin alphabets: A-Z, Latin-1's "Å", "Ö", and Latin Extended-A's "Š", "Ł", "Ż", "Ő"
# (Czech, Polish, Hungarian, Turkish names).
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in range(0x100, 0x180) if chr(c).isupper()) + "\u0400-\u042f\u0490"  # and Cyrillic: "Тарас Коваль"
_CAPS = re.compile(rf"\b[{_UPPER}][\w'’.-]*(?:\s+(?:[{_UPPER}][\w'’.-]*|(?:of|de|van|von|der|la|le|du|da)\b|K\.))*", re.UNICODE)


def _undouble(base: str) -> str:
    """"stopp" (of "stopped") is "stop", "runn" "run"; "wedd" stays (a wedding is no Wednesday)."""
    return base[:-1] if len(base) >= 3 and base[-1] == base[-2] and base[-1] in "bgmnprt" else base


# Units written short ("$675/wk", "2 yrs", "3 hrs"): the same words as written in full.
_SHORT_UNITS = {"wk": "week", "wks": "week", "yr": "year", "yrs": "year", "mth": "month", "mths": "month",
                "hr": "hour", "hrs": "hour", "mins": "minute", "secs": "second",
                # "When was I born?" is answered by "Date of birth: ...", "bday: ..."
                "born": "birth", "bday": "birthday", "b-day": "birthday", "dob": "birthday",
                # "When did we get married?" is answered by "Marriage certificate: ..., 12/07/2012".
                "marriage": "marry",
                # Short forms of paperwork: "when does my DL expire", "dentist appt", "car reg".
                "dl": "licence", "license": "licence", "appt": "appointment", "appts": "appointment", "reg": "registration", "rego": "registration",
                # Shorthand typed in a hurry: "wifi pw", "my sis's bday".
                "pw": "password", "pwd": "password", "sis": "sister", "meds": "medication"}
# One word written with and without its hyphen: "Wi-Fi" is "wifi", "e-mail" "email".
_SHORT_HYPHENED = re.compile(r"[a-z]{1,2}-[a-z]{2,}")


def stem_fold(word: str) -> str:
    """Latin letters without their marks ("poliçe" is "police", "päiväkoti" "paivakoti"), as a
    question typed on an English keyboard writes them; other scripts as they are (Hangul would
    fall apart into its letters)."""
    if word.isascii():
        return word
    return "".join(fold(c) if ord(c) < 0x250 else c for c in word)


# Greek in Latin letters as people write Greek names in English ("Γιώργος" -> "giorgos",
# "Νίκος" -> "nikos", "Δημήτρης" -> "dimitris"): pairs first, then single letters.
_GREEK_PAIRS = {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "μπ": "b", "ντ": "d", "γκ": "g", "γγ": "ng", "αυ": "av", "ευ": "ev"}
_GREEK_MEDIAL = {"μπ": "mp", "ντ": "nt", "γκ": "nk"}
_GREEK_LETTERS = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p",
                                                      "r", "s", "s", "t", "y", "f", "ch", "ps", "o"]))


def greek_in_latin(word: str) -> str:
    """A Greek word in Latin letters, lower case, without accents."""
    plain = "".join(ch for ch in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(ch))
    out, i = [], 0
    while i < len(plain):
        pair = plain[i:i + 2]
        if pair in _GREEK_PAIRS:
            # (Inside a word "ντ" and "μπ" keep both letters: Κωνσταντίνος is Konstantinos.)
            out.append(_GREEK_PAIRS[pair] if i == 0 or pair not in _GREEK_MEDIAL else _GREEK_MEDIAL[pair])
            i += 2
            continue
        out.append(_GREEK_LETTERS.get(plain[i], plain[i]))
        i += 1
    return "".join(out)


def stem(word: str) -> str:
    word = stem_fold(word.lower().replace("’", "'"))
    if word.endswith("'s"):
        word = word[:-2]
    if _SHORT_HYPHENED.fullmatch(word):
        word = word.replace("-", "")
    word = _SHORT_UNITS.get(word, word)
    if word.startswith("electric"):
        return "electric"  # "electricity" is no "elected", though both begin "elect"
    if word in _MONTH_NUM and word != "may":
        return _MONTH_ABBR[_MONTH_NUM[word] - 1]  # "November" and "Nov" are one word
    if len(word) > 3 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    # A short verb's endings: "stayed", "staying" are "stay" (cut at five letters they were
    # "staye", "stayi"); "worked" is "work", "stopped" "stop", "married" "marry".
    if len(word) >= 6 and word.endswith("ied"):
        word = word[:-3] + "y"
    elif len(word) >= 5 and word.endswith("ed") and not word.endswith("eed"):
        word = _undouble(word[:-2])
    elif len(word) >= 7 and word.endswith("ing"):  # not "spring", "string", "thing"
        word = _undouble(word[:-3])
    return word[:5] if len(word) >= 5 else word  # crude, but "allergic"~"allergies", "teach"~"teaches"


def words(text: str) -> list[str]:
    return [w.strip("'’-") for w in _WORD.findall(text)]


def content_words(text: str) -> set[str]:
    """Stems of the words that say what a text is about (question words and glue dropped)."""
    out = set()
    for w in words(text):
        lw = w.lower().replace("’", "'")
        if lw in STOP_WORDS or (lw.endswith("'s") and lw[:-2] in STOP_WORDS) or len(lw) < 2:
            continue
        out.add(stem(lw))
    return out


def is_question_text(text: str) -> bool:
    """False for input with no words at all (only punctuation, emoji, white space)."""
    return bool(_TOKEN.search(text))


def latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c.isascii() for c in letters) / len(letters)


# -- typed spans ----------------------------------------------------------------------------------
def _dedupe(spans: list[str]) -> list[str]:
    seen, out = set(), []
    for s in spans:
        s = s.strip(" ,;:.()\"'“”")
        if s and s.lower() not in seen:
            seen.add(s.lower())
            out.append(s)
    return out


# Weekdays written short, only in a list or range of them ("Mon, Wed and Thu", "Tue/Thu", "Mon-Fri"):
# alone, "Sat", "Wed" and "Sun" are words.
_DAY_ABBR = rf"(?-i:{'|'.join(a.capitalize() for a in WEEKDAY_ABBREVS)})\.?"
_DAY_ABBR_LIST = re.compile(rf"(?<![\w/]){_DAY_ABBR}(?:\s*(?:,|/|&|\+|–|-|,?\s+and|,?\s+or)\s*{_DAY_ABBR})+(?![\w/])")


# A day and month with a dash, where a date's key says it is one: "date: 09-09" on a birthdays
# table (without the key "09-09" may be a score or a range).
_KEYED_DAY_MONTH = re.compile(r"(?i)\b(?:date|birthday|bday|born|dob)\s*:\s*((?:0?[1-9]|[12]\d|3[01])-(?:0?[1-9]|1[0-2]))(?![\d-])")


def dates(text: str) -> list[str]:
    found = [m.group(0) for m in _DATE.finditer(text)]
    found += [m.group(1) for m in _KEYED_DAY_MONTH.finditer(text)]
    found += [w for w in words(text) if w.lower() in WEEKDAYS or fold(w) in FOREIGN_WEEKDAYS]
    found += [d.rstrip(".") for m in _DAY_ABBR_LIST.finditer(text) for d in re.findall(_DAY_ABBR, m.group(0))]
    # (Not the year a code opens or closes with: "n° 2011-ATL-045873" is a licence's number.)
    found += [m.group(0) for m in re.finditer(r"(?<![A-Za-z]-)\b(?:19|20)\d{2}\b(?!-[A-Za-z])", text) if not _code_group(text, m.start())]
    return _dedupe(found)


def _code_group(text: str, at: int) -> bool:
    """Whether the four digits at `at` close a code ("polisnumero PV-5528-1907"), not a year: the
    group before the hyphen is no year and no month ("2025-2026", "10-2026" are years)."""
    before = re.search(r"(\w+)-$", text[:at])
    return bool(before) and len(before.group(1)) >= 3 and not re.fullmatch(r"(?:19|20)\d{2}", before.group(1))


def times(text: str) -> list[str]:
    return _dedupe([m.group(0) for m in _TIME.finditer(text)])


# Numbers that a label before them says are not phone numbers: "policy no. 90 213 4476",
# "kötvényszám 90 213 4476" (Hungarian), "customer number 0803 5512 99".
_OTHER_NUMBER_BEFORE = re.compile(r"(?i)\b(?:policy|customer|member(?:ship)?|serial|invoice|ref(?:erence)?|contract|claim|"
                                  r"meter|chassis|vin|licen[cs]e|passport)(?:\s*(?:no\.?|number|nr\.?|#))?\s*:?\s*$")
_OTHER_NUMBER_WORDS = frozenset("policy customer contract claim meter passport".split())


def _other_number_before(before: str) -> bool:
    if _OTHER_NUMBER_BEFORE.search(before):
        return True
    from memory.gloss import english_for  # the label in the notes' language ("kötvényszám")
    last = re.search(r"([^\W\d_][\w.'-]*(?:\s+(?:no\.?|nr\.?|n[°º]))?)\s*:?\s*$", before)
    return bool(last and english_for(last.group(1)) & _OTHER_NUMBER_WORDS and not english_for(last.group(1)) & {"phone", "mobile", "telephone"})


_PHONE_KEY_BEFORE = re.compile(r"(?i)\b(?:phone|tel|telephone|mobile|cell|landline)\s*(?:no\.?|number)?\s*:\s*$")


def phones(text: str) -> list[str]:
    # An ISO date ("2026-12-15") has a phone number's shape, not its meaning.
    # (Six digits where a phone's key says so: Suriname's landlines, "phone: 442-260".)
    found = [m.group(0) for m in _PHONE.finditer(text) if ((n := sum(c.isdigit() for c in m.group(0))) >= 7
                                                           or n == 6 and _PHONE_KEY_BEFORE.search(text[max(0, m.start() - 16):m.start()]))
             and not _ACCOUNT_BEFORE.search(text[max(0, m.start() - 20):m.start()])
             and not _other_number_before(text[max(0, m.start() - 24):m.start()])
             # nor an IBAN's groups after its country and check digits ("LT35 7300 0100 5558 9077")
             and not re.search(r"\b[A-Z]{2}\d{2}\s?$", text[max(0, m.start() - 6):m.start()])
             and not re.match(r"\(?(?:19|20)\d{2}-[01]\d-[0-3]\d\b", m.group(0).strip())  # nor "2026-07-19 10:00"
             and not re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){3}", m.group(0).strip(" ,;:.()"))  # nor an IP address
             # nor the digits that begin a code of letters and digits ("Tawtheeq no. 20260211-AD-448172")
             and not re.match(r"-[A-Za-z]", text[m.end():m.end() + 2])
             # ... or end one ("policy MV-26-0883412")
             and not re.search(r"\b[A-Z]{1,4}-$", text[max(0, m.start() - 5):m.start()])
             and not re.fullmatch(DAY_MONTH_YEAR, m.group(0).strip(" ,;:.()"))
             and not re.fullmatch(YEAR_MONTH_DAY_DOTS, m.group(0).strip(" ,;:.()"))  # nor "2023.09.30"
             # nor a date with dots, as Ukraine, Germany and Czechia write it ("дійсний до 02.07.2027")
             # (and as Slovenia and Czechia space it: "pogodba from 1. 10. 2026")
             and not re.fullmatch(r"(?:0?[1-9]|[12]\d|3[01])\.\s?(?:0?[1-9]|1[0-2])\.\s?(?:19|20)\d{2}", m.group(0).strip(" ,;:()"))]
    # "(503) 555-0102" keeps its area code's brackets; an unmatched bracket is punctuation.
    out: list[str] = []
    for p in found:
        # "alkaen 1.11. 045 555 6612": the number starts after the day it starts on.
        p = re.sub(rf"^{_DAY_DOT_MONTH}(?:(?:19|20)\d{{2}})?[\s:,]+(?=[+(\d])", "", p)
        p = p.strip(" ,;:.") if p.startswith("(") and ")" in p else p.strip(" ,;:.()")
        if p and p not in out:
            out.append(p)
    if not out and (m := _SHORT_LISTED.match(text)):
        # Five or six digits are a whole phone number where the islands dial so (Samoa's
        # "26593"), and a contacts list's row of a name and such a number says it is one.
        out.append(m.group(1))
    return out


# "Contacts: Ioelu Letiu: 26593", "Phone numbers: Dr Faleolo - 21 212": one person, one short number.
_SHORT_LISTED = re.compile(r"(?i)(?:contacts?|phone ?(?:book|numbers|list)|telephone numbers|numbers)\s*:\s*"
                           r"[^\W\d_][^:\d]{1,40}?\s*(?::|-|–)\s*(\+?\d(?:\d| (?=\d)){3,6}\d)\s*$")


def emails(text: str) -> list[str]:
    return _dedupe([m.group(0) for m in _EMAIL.finditer(text)])


def addresses(text: str) -> list[str]:
    """Street addresses: "41 Alder Street, Apartment 3B", "Vicolo dei Pescatori 8, 90015 Cefalù"."""
    found = _dedupe([m.group(0).strip() for m in _ADDRESS.finditer(text)])
    # The run of words after the street may stop inside a bracket ("Caballito (C1424CEN)"): the
    # address ends before the bracket it does not close.
    return [a[:a.rfind("(")].rstrip(" ,;—–-") if a.count("(") > a.count(")") else a for a in found]


def money(text: str) -> list[str]:
    found = []
    pos = 0
    while (m := _MONEY.search(text, pos)) is not None:
        if _ends_a_date(text, m.start()):
            # "24/07/26 AED 400": not "26 AED", the fine is AED 400
            pos = m.start() + len(re.match(r"\d*", text[m.start():]).group(0)) + 1
            continue
        found.append(m.group(0))
        pos = m.end()
    return _dedupe(found)


def _ends_a_date(text: str, start: int) -> bool:
    """An amount that starts right after a date's slash or dash ("24/07/26 AED 400", "2026-07-24
    EUR 55") is the date's last part with the currency of the next amount. (Not after a dot: "2.340
    €" groups thousands.)"""
    before = text[max(0, start - 2):start]
    return bool(re.search(r"\d[/-]$", before)) and text[start:start + 1].isdigit()


def numbers(text: str) -> list[str]:
    found = [m.group(0) for m in _NUMBER.finditer(text)]
    found += [w for w in words(text) if w.lower() in NUMBER_WORDS]
    return _dedupe(found)


_NOT_NAMES = frozenset(
    """i i'm i've i'll i'd my you your yours we our the a an and but so if it he she they this that then there his her
    their when what who where why how yes no ok okay also after before since until today tomorrow
    yesterday mr mrs ms dr subject re fwd to from cc now well oh dear hi hello thanks sorry please tell don't""".split()
) | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(WEEKDAY_ABBREVS) \
    | (FOREIGN_WEEKDAYS - {"domingo"})  # "Sun, 8 Feb 2026"; "Dienstag" is no one, Domingo may be


# "my", "our" in the languages notes mix in, where the noun after them has a capital too ("Mein
# Bruder", "Meine Schwester"): neither is a name. (Not "mia", "min", "ma", "mon": names, days.)
_FOREIGN_POSSESSIVES = frozenset("""mein meine meinem meinen meiner meines unser unsere unserem unseren unserer
    minha meu meus minhas nosso nossa mój moja moje mojego mijn onze mitt mina vår vårt""".split())


# Words that open a sentence of a note with a capital and are no one's name ("Finally bought the
# P-bass!!", "Need a first aider"): read as names only where a name could not be. (No given names
# here: "Will", "Mark", "Pat" are people.)
SENTENCE_OPENERS = frozenset("""finally need needs would could should must might may just still maybe perhaps next
    then got get went go took take bought buy called booked paid asked told remember note data new old big small great good
    bad nice lovely long quick lots some all every each another other more most less back already never always sometimes
    usually apparently hopefully luckily sadly annoyingly really actually anyway meanwhile later earlier soon tonight
    had has have did does do was were is are been be not nothing everything something someone everyone nobody here
    these those both either done made make met saw see said says think thought feel felt found find started start
    finished moved sent picked dropped fixed checked check left arrived came come off out up down quite very too much
    many few only even almost around spent ordered emailed texted rang phoned tried want wants wanted
    ask tell try keep bring give put send use let""".split())


def written_in_lower_case(word: str, lines: Iterable[str]) -> bool:
    """Whether `lines` write `word` (or its singular/plural: "goal" for "Goals") in lower case,
    as a word of its own: then a capitalised "Goals" or "Finally" is a label or a sentence's first
    word, not a name. Not inside an e-mail address or a link ("harriet@marsh.example" is still
    Harriet)."""
    low = word.lower()
    forms = {low, low[:-1] if low.endswith("s") else low + "s"}
    said = re.compile(r"(?<![\w@./-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w@-]|\.\w)")
    return any(said.search(line) for line in lines)


# A past-tense verb that starts a sentence before a name; not a name that ends in -ed ("Alfred",
# "Mohammed", "Reed").
# ... and a few of other languages' past tenses that open a line: "Dejó Buenos Aires en septiembre" (left).
_OPENING_VERB = re.compile(r"[A-Z][a-z]{2,}(?<!fr)(?<!m)(?<!e)ed|Dej[oó]|Sali[oó]|Deixou|Saiu|Verlie(?:ß|ss)")


def names(text: str) -> list[str]:
    """Capitalised word runs ("Priya Raman", "TU Hamburg", "Dr. Alvarez"), minus sentence glue."""
    out = []
    spans = []
    # "GY$85,000", "WS$1,450.00": a dollar's country letters are no name.
    text = re.sub(r"\b[A-Z]{2,3}(?=\$\s?\d)", lambda m: m.group(0).lower(), text)
    # "Jahmari Form 3, Amaya Std 2": a class and its number are no part of a name.
    text = re.sub(r"\b(?:Form|Std|Standard|Grade|Year|Class)(?=\s+\d)", lambda m: m.group(0).lower(), text)
    for m in _CAPS.finditer(text):
        # A run ends at a full stop, unless the stop ends an abbreviation ("Dr. Liu", "K. Le Guin").
        part: list[str] = []
        for tok in m.group(0).split():
            if len(part) >= 2 and re.fullmatch(r"[A-Z]\.", part[-1]) and tok == part[0]:
                # "Tom R. Tom lent me his rope": a name does not repeat its first word, so the
                # initial's stop ends it (unlike "John F. Kennedy").
                spans.append(" ".join(part))
                part = []
            part.append(tok)
            if tok.endswith(".") and len(tok.rstrip(".")) > 3:
                spans.append(" ".join(part))
                part = []
        if part:
            spans.append(" ".join(part))
    for span in spans:
        span = re.sub(r"['’]s$", "", span.rstrip(".")).rstrip("'’")  # "Leo's" names Leo
        toks = span.split()
        while toks and toks[0].lower().strip(".") in _NOT_NAMES and not (toks[0].rstrip(".").lower() in ("dr", "mr", "mrs", "ms") and len(toks) > 1):
            toks = toks[1:]
        if toks and toks[0].lower() in _FOREIGN_POSSESSIVES:
            toks = toks[2:]  # "Mein Bruder Lukas": German writes every noun with a capital; Lukas is the name
        if len(toks) == 1 and re.fullmatch(rf"(?i:{_CUR_BEFORE}|{_CUR_AFTER})\.?", toks[0]):
            continue  # "KSh", "PLN", "Ksh.": a currency, not a name
        if len(toks) > 1 and _OPENING_VERB.fullmatch(toks[0]):
            toks = toks[1:]  # "Cancelled UPC", "Booked Hotel Mirador": a verb that opens the line, then the name
        while toks and toks[-1].lower() in ("of", "de", "van", "von", "der", "la", "le", "du", "da"):
            toks = toks[:-1]
        if toks == ["New"]:
            continue  # "New school year: ...": a sentence's first word, not New York
        if toks and not (len(toks) == 1 and "-" in toks[0] and all(p.lower() in _NOT_NAMES for p in toks[0].split("-"))):
            out.append(" ".join(toks))  # "Mon-Fri", "Jan-Mar" are spans of days and months
    return _dedupe(out)


def values(text: str) -> list[str]:
    """Every name, number, date, time, amount and phone number a text states."""
    return _dedupe(phones(text) + money(text) + dates(text) + times(text) + numbers(text) + names(text))


# -- support ---------------------------------------------------------------------------------------
def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("“", '"').replace("”", '"').split())


def unsupported(answer: str, source: str, extra: str = "") -> list[str]:
    """Values (capitalised words, numbers, dates) of `answer` that its source does not state.

    `extra` is text the answer may also echo: the question itself and the fixed wording of the
    reply ("Your notes", "I don't know"). Compared word by word, case-insensitively, so
    "Your" from turning "My" around never counts as a new name.
    """
    allowed = {w.lower() for w in words(source + " " + extra)}
    allowed |= {"you", "your", "yours", "you're", "you've", "yourself", "i", "notes", "which", "one", "mean", "do"}
    src = _norm(source + " " + extra)
    bad = []
    for tok in words(answer):
        low = tok.lower()
        if any(c.isdigit() for c in tok):
            if low not in allowed and low not in src:
                bad.append(tok)
        elif tok[:1].isupper() and low not in allowed and low not in _NOT_NAMES:
            bad.append(tok)
    return bad


# -- facing the user -------------------------------------------------------------------------------
_FLIP = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "i'm": "you're", "i've": "you've", "i'll": "you'll", "i'd": "you'd",
    "we": "you", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
    "we're": "you're", "we've": "you've", "we'll": "you'll",
}
_VERB_AFTER_YOU = {"am": "are", "was": "were"}
# A lower-case "i" is the writer only before what an English "I" says next ("i moved", "i'm").
_ENGLISH_AFTER_I = re.compile(r"\s*(?:['’]|(?:am|was|have|had|do|did|don't|didn't|will|would|can|can't|could|should|must|"
                              r"went|got|get|go|love|like|need|want|think|know|live|lived|work|worked|moved|paid|pay|bought|"
                              r"met|called|saw|told|said|feel|felt|take|took|use|used|just|also|still|never|always|really|"
                              r"booked|sent|left|made|found|gave|asked|tried|started|stopped|switched|renewed|changed)\b)")


_CONTRACTIONS = {"m": "you're", "ve": "you've", "ll": "you'll", "d": "you'd"}
# A lower-case "me" is the writer after an English word that takes one ("told me", "with me");
# after others it is Spanish ("me sube la dosis") or Albanian ("mbledhja me prinderit", with).
_ENGLISH_BEFORE_ME = frozenset("""to with for from at about like than and or of on by before after without behind beside
    gave give gives told tell tells sent send sends asked ask asks called call calls let lets help helped helps remind reminded
    texted text emailed email messaged message showed show taught teach paid pay owes owe lent lend got get gets made make makes
    took take takes picked pick drove drive invited invite met meet joined join thanked thank charged charge sold bought
    visited visit rang ring phoned phone wrote write emails leave left bring brought hand handed cost costs""".split())


def face_user(text: str) -> str:
    """"I moved to Portland in 2017" → "You moved to Portland in 2017"."""
    # "I'm", "I've", "I'll", "I'd" first: split at the apostrophe they would become "you'm".
    text = re.sub(r"\b[Ii]['’](m|ve|ll|d)\b", lambda m: "\x00" + m.group(1), text)
    toks = re.split(r"(\W+)", text)
    out: list[str] = []
    prev_you = aside = False
    for tok in toks:
        low = tok.lower().replace("’", "'")
        # "I (Sam Reyes) am ...": the verb after an aside in brackets still follows "you".
        if prev_you and "(" in tok and ")" not in tok:
            aside = True
        if aside:
            out.append(tok)
            aside = ")" not in tok
            continue
        if tok == "i" and not _ENGLISH_AFTER_I.match(text[len("".join(toks[:len(out) + 1])):]):
            out.append(tok)  # "Urodziny i imieniny", "Marco i Ana": Polish and Catalan for "and"
            continue
        if tok == "me" and (before := "".join(out).split()) and before[-1].lower().strip(",;:") not in _ENGLISH_BEFORE_ME:
            out.append(tok)  # "me sube la Levotiroxina", "Mbledhja me prinderit": not English
            continue
        if tok in ("Our", "My") and out and not _sentence_start(out) and re.match(r"\s+[A-Z]", text[len("".join(toks[:len(out) + 1])):]):
            out.append(tok)  # "at Our Lady of Guadalupe RC": a name, not "your Lady"
            continue
        if low in _FLIP and not (tok.isupper() and len(tok) > 1):  # "from the US", "WE Charity": not "us", "we"
            rep = _FLIP[low]
            if low == "i" and out and out[-1].strip() == "" and len(out) >= 2 and out[-2].lower() in ("than", "and", "with"):
                rep = "you"
            out.append(rep.capitalize() if tok[:1].isupper() and (not out or _sentence_start(out)) else rep)
            prev_you = rep in ("you",)
            continue
        if prev_you and low in _VERB_AFTER_YOU:
            out.append(_VERB_AFTER_YOU[low])
            prev_you = False
            continue
        if tok.strip():
            prev_you = False
        out.append(tok)
    result = "".join(out)
    result = re.sub(r"\x00(m|ve|ll|d)\b", lambda m: _CONTRACTIONS[m.group(1)], result)
    return result[:1].upper() + result[1:] if result else result


def _sentence_start(out: list[str]) -> bool:
    before = "".join(out).rstrip()
    return not before or before[-1] in ".!?:\n"


_MONTH_ABBR = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_MONTH_NUM = FOREIGN_MONTHS | {m: i % 12 + 1 for i, m in enumerate(MONTHS[:12])} | {m: i + 1 for i, m in enumerate(_MONTH_ABBR)} | {"sept": 9}


def says_mine(text: str, word: str) -> bool:
    """Whether `text` calls someone the writer's `word`: "my mother", "our older sister"."""
    return re.search(rf"(?i)\b(?:my|our)\s+(?:[a-z]+\s+)?{re.escape(word)}\b", text) is not None


def latest_date(text: str) -> tuple[int, int, int] | None:
    """The latest calendar date a text names (ISO, "8 March 2026", "March 8, 2026", "March 2026")."""
    found = []
    for y, _, m, d in re.findall(r"\b((?:19|20)\d{2})([-_/])(\d{2})\2(\d{2})(?:\b|(?=T\d))", text):  # also "2023-12-27T15:00:00Z", "2027/02/28"
        found.append((int(y), int(m), int(d)))  # also Logseq's journal files, "2026_05_04.md"
    # A journal kept as folders of years, months and days (Trilium's "2026/11 - November/17 -
    # Tuesday.html", "Daily/2026/November/17.md").
    for y, m, name, d in re.findall(rf"(?<![\w.])((?:19|20)\d{{2}})/(?:(0?[1-9]|1[0-2])(?:[ ._-]+[^\W\d]+)?|({_MONTH_RE}))"
                                    r"/(0?[1-9]|[12]\d|3[01])(?=[^\w/]|$|[ ._-])", text, re.IGNORECASE):
        found.append((int(y), int(m) if m else _MONTH_NUM.get(name.lower(), 0), int(d)))
    for d, m, y in re.findall(r"\b(0?[1-9]|[12]\d|3[01])\.\s?(0?[1-9]|1[0-2])\.\s?((?:19|20)\d{2})\b", text):
        found.append((int(y), int(m), int(d)))  # "Termin 30.10.2026", "14. 2. 2021"
    for y, m, d in re.findall(r"(?<![\d.])((?:19|20)\d{2})\.\s?(0?[1-9]|1[0-2])\.\s?(0?[1-9]|[12]\d|3[01])(?!\d|\.\d)", text):
        found.append((int(y), int(m), int(d)))  # "### 2026.09.07 (월)"
    for y, m, d in re.findall(r"((?:19|20)\d{2})\s*[년年]\s*(0?[1-9]|1[0-2])\s*[월月]\s*(0?[1-9]|[12]\d|3[01])\s*[일日]", text):
        found.append((int(y), int(m), int(d)))  # "2026년 9월 15일 화요일"
    for dmy in re.findall(DAY_SLASH_MONTH_YEAR, text):
        d, m, y = map(int, re.split(r"[/-]", dmy))
        found.append((y, m, d))  # "født 22/8-1988"
    for dmy in re.findall(DAY_MONTH_YEAR, text):
        d, m, y = map(int, dmy.split("-"))
        found.append((y, m, d))  # "Changelog: 24-11-2026"
    for d, mon, y in re.findall(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+((?:19|20)\d{{2}})\b", text, re.IGNORECASE):
        found.append((int(y), _MONTH_NUM.get(mon.lower(), 0), int(d)))
    for d, mon, y in re.findall(rf"\b(\d{{1,2}})\.?\s+(?:de\s+)?({_FOREIGN_RE})\s+(?:de\s+)?((?:19|20)\d{{2}})\b", text, re.IGNORECASE):
        found.append((int(y), _MONTH_NUM.get(mon.lower(), 0), int(d)))
    for y, mon, d in re.findall(rf"\b((?:19|20)\d{{2}})\.\s*({_HUNGARIAN_RE}|november|december)\s+(\d{{1,2}})\b", text, re.IGNORECASE):
        found.append((int(y), _MONTH_NUM.get(mon.lower(), 0), int(d)))  # "2026. október 8."
    for mon, d, y in re.findall(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b", text, re.IGNORECASE):
        found.append((int(y), _MONTH_NUM.get(mon.lower(), 0), int(d)))
    for mon, y in re.findall(rf"\b({_MONTH_RE})\.?\s+((?:19|20)\d{{2}})\b", text, re.IGNORECASE):
        found.append((int(y), _MONTH_NUM.get(mon.lower(), 0), 0))
    for mon, y in re.findall(rf"\b({_FOREIGN_RE})\s+(?:de\s+)?((?:19|20)\d{{2}})\b", text, re.IGNORECASE):
        found.append((int(y), _MONTH_NUM.get(mon.lower(), 0), 0))  # "(mai 2026)", "novembro de 2026"
    # A month's own page or file ("journal/2026-10.txt"): that month, no day.
    for y, m in re.findall(r"(?<![\w-])((?:19|20)\d{2})-(0[1-9]|1[0-2])(?![\w-]|\.\d)", text):
        found.append((int(y), int(m), 0))
    found += thai_dates(text)
    return max(found) if found else None


# Thailand counts years in the Buddhist Era (2569 BE = 2026 CE) and writes the day first:
# "03/10/2569", "ต่อภาษี 05/04/2570", "14 ก.พ. 2535", "Journal 10/2569".
BUDDHIST_ERA = 543
_THAI_MONTHS = {name: i + 1 for names in (
    "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.",
    "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม",
) for i, name in enumerate(names.split())}
_THAI_MONTH_RE = "|".join(re.escape(m) for m in sorted(_THAI_MONTHS, key=len, reverse=True))


def thai_dates(text: str) -> list[tuple[int, int, int]]:
    """Dates in a Buddhist Era year, as (Common Era year, month, day); day 0 for a month."""
    found = []
    for d, m, y in re.findall(r"(?<![\d/])(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])/(2[45]\d{2})(?![\d/])", text):
        found.append((int(y) - BUDDHIST_ERA, int(m), int(d)))
    for m, y in re.findall(r"(?<![\d/])(0?[1-9]|1[0-2])/(2[45]\d{2})(?![\d/])", text):
        found.append((int(y) - BUDDHIST_ERA, int(m), 0))
    for d, mon, y in re.findall(rf"(?<!\d)(\d{{1,2}})\s*({_THAI_MONTH_RE})\s*(\d{{4}})(?!\d)", text):
        year = int(y) - BUDDHIST_ERA if int(y) > 2400 else int(y)
        found.append((year, _THAI_MONTHS[mon], int(d)))
    return found


# Shorthand notes use for words a question spells out: "reg KV19 PXE" is the registration,
# "$20/h" a rate per hour, "tel" a phone.
_SHORTHAND = {
    "reg": "registration", "rego": "registration", "acct": "account", "tel": "telephone phone", "mob": "mobile",
    "appt": "appointment", "bday": "birthday", "b-day": "birthday", "dob": "birthday", "no": "number",
    "h": "hour", "hr": "hour", "hrs": "hours", "wk": "week", "mo": "month", "yr": "year",
}
_SHORT = re.compile(r"(?<![\w-])(reg|rego|acct|tel|mob|appt|bday|b-day|dob|no(?=\.|\s?\d))\b\.?|/\s?(h|hr|hrs|wk|mo|yr)\b",
                    re.IGNORECASE)  # "no." or "no 5" is a number; "no longer" is not


# A line that says what someone does for a living ("Works as a sound engineer", "Urban planner
# at the City of Vancouver", "Job: chemistry teacher") answers "What does Rory do for a living?",
# "What does Theo do for work?", "What's my job?", though it says none of those words.
_OCCUPATIONS = (
    "engineer|developer|programmer|designer|architect|manager|director|planner|analyst|scientist|researcher|"
    "consultant|teacher|lecturer|professor|tutor|nurse|midwife|doctor|surgeon|physician|gp|dentist|vet|pharmacist|"
    "therapist|physiotherapist|paramedic|lawyer|solicitor|barrister|accountant|banker|brewer|baker|chef|cook|waiter|"
    "waitress|barista|electrician|plumber|mechanic|carpenter|builder|driver|pilot|officer|clerk|administrator|"
    "receptionist|technician|editor|writer|journalist|photographer|artist|musician|translator|librarian|"
    "coordinator|specialist|geologist|biologist|chemist|economist|ceo|cto|founder|freelancer|contractor")
OCCUPATION = re.compile(
    rf"\b(?:{_OCCUPATIONS})s?\b|\bworks? (?:as|at|for)\b|\b(?:job|occupation|profession)\s*:"
    # "radiographer at the Hallamshire", "a dietitian": the endings jobs are named with.
    r"|\b(?!(?:assist|insist|resist|persist|consist|checklist|playlist|wishlist|shortlist)s?\b)\w{3,}(?:grapher|ologist|ician|ist|eer)s?\b",
    re.IGNORECASE)
OCCUPATION_WORDS = "job work living occupation profession career"


def spelled_out(text: str) -> str:
    """The words a statement's shorthand stands for, to add to what it says."""
    return " ".join(_SHORTHAND[(m.group(1) or m.group(2)).lower()] for m in _SHORT.finditer(text))

