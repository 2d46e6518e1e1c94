/// The words the ``DateParser`` knows: month names in many languages and scripts, weekday names,
/// AM/PM and time-of-day words, time-zone abbreviations and the labels that introduce a date.
///
/// Keys are lower-case. Swift `String` equality is canonical equivalence, so Bengali and
/// Devanagari spellings match whether the nukta letters (য়, ড়, ज़, फ़) are precomposed or not.
enum DateVocabulary {

    /// A dictionary from a literal that may name the same key twice (spelling variants that are
    /// canonically equivalent, e.g. precomposed and decomposed য়, are the same `String` key).
    static func table<T>(_ pairs: KeyValuePairs<String, T>) -> [String: T] {
        Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Gregorian months

    /// Month name (full, abbreviated, inflected) → month number.
    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        func add(_ month: Int, _ names: [String]) { for n in names { m[n] = month } }
        // English, German, French, Spanish, Italian, Dutch, Portuguese, Scandinavian, Finnish,
        // Polish, Czech, Slovak, Turkish, Indonesian/Malay, Romanian, Hungarian, Croatian is skipped
        // (its "listopad" means October, against Czech and Polish November).
        add(1, ["january", "jan", "januar", "jänner", "jän", "janvier", "janv", "enero", "ene", "gennaio", "gen",
                "januari", "janeiro", "tammikuuta", "tammikuu", "stycznia", "styczeń", "ledna", "leden", "ocak",
                "ianuarie", "január", "januára", "januára", "sty", "led"])
        add(2, ["february", "feb", "februar", "feber", "février", "févr", "fevrier", "fevr", "fév", "febrero",
                "febbraio", "februari", "fevereiro", "fev", "helmikuuta", "helmikuu", "lutego", "luty", "února",
                "únor", "şubat", "subat", "februarie", "február", "februára", "lut", "úno", "feby"])
        add(3, ["march", "mar", "märz", "maerz", "mrz", "mär", "mars", "marzo", "maart", "mrt", "março", "marco",
                "marts", "maaliskuuta", "maaliskuu", "marca", "marzec", "března", "březen", "mart", "martie",
                "március", "marec", "maret", "bře"])
        add(4, ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "huhtikuuta", "huhtikuu", "kwietnia",
                "kwiecień", "dubna", "duben", "nisan", "aprilie", "április", "apríla", "kwi", "dub"])
        add(5, ["may", "mai", "mayo", "maggio", "mag", "mei", "maio", "maj", "toukokuuta", "toukokuu", "maja",
                "května", "květen", "mayıs", "mayis", "május", "mája", "kvě"])
        add(6, ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "kesäkuuta", "kesäkuu",
                "czerwca", "czerwiec", "června", "červen", "haziran", "iunie", "június", "júna", "cze", "čvn"])
        add(7, ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "heinäkuuta",
                "heinäkuu", "lipca", "lipiec", "července", "červenec", "temmuz", "iulie", "július", "júla", "lip",
                "čvc"])
        add(8, ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "elokuuta", "elokuu",
                "sierpnia", "sierpień", "srpna", "srpen", "ağustos", "agustos", "augusztus", "augusta", "agustus",
                "sie", "srp"])
        add(9, ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro",
                "syyskuuta", "syyskuu", "września", "wrzesień", "září", "eylül", "eylul", "septembrie",
                "szeptember", "septembra", "wrz", "zář"])
        add(10, ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
                 "lokakuuta", "lokakuu", "października", "październik", "října", "říjen", "ekim", "octombrie",
                 "október", "októbra", "paź", "říj"])
        add(11, ["november", "nov", "novembre", "noviembre", "novembro", "marraskuuta", "marraskuu", "listopada",
                 "listopad", "kasım", "kasim", "noiembrie", "novembra", "lis"])
        add(12, ["december", "dec", "dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic",
                 "dicembre", "dezembro", "desember", "des", "joulukuuta", "joulukuu", "grudnia", "grudzień",
                 "prosince", "prosinec", "aralık", "aralik", "decembrie", "decembra", "gru", "pro"])
        // Russian and Ukrainian (genitive and nominative).
        add(1, ["января", "январь", "янв", "січня", "січень"])
        add(2, ["февраля", "февраль", "фев", "лютого", "лютий"])
        add(3, ["марта", "март", "мар", "березня", "березень"])
        add(4, ["апреля", "апрель", "апр", "квітня", "квітень"])
        add(5, ["мая", "май", "травня", "травень"])
        add(6, ["июня", "июнь", "июн", "червня", "червень"])
        add(7, ["июля", "июль", "июл", "липня", "липень"])
        add(8, ["августа", "август", "авг", "серпня", "серпень"])
        add(9, ["сентября", "сентябрь", "сен", "вересня", "вересень"])
        add(10, ["октября", "октябрь", "окт", "жовтня", "жовтень"])
        add(11, ["ноября", "ноябрь", "ноя", "листопада", "листопад"])
        add(12, ["декабря", "декабрь", "дек", "грудня", "грудень"])
        // Greek (genitive and nominative).
        add(1, ["ιανουαρίου", "ιανουάριος"]); add(2, ["φεβρουαρίου", "φεβρουάριος"])
        add(3, ["μαρτίου", "μάρτιος"]); add(4, ["απριλίου", "απρίλιος"]); add(5, ["μαΐου", "μάιος"])
        add(6, ["ιουνίου", "ιούνιος"]); add(7, ["ιουλίου", "ιούλιος"]); add(8, ["αυγούστου", "αύγουστος"])
        add(9, ["σεπτεμβρίου", "σεπτέμβριος"]); add(10, ["οκτωβρίου", "οκτώβριος"])
        add(11, ["νοεμβρίου", "νοέμβριος"]); add(12, ["δεκεμβρίου", "δεκέμβριος"])
        // Bengali, with the spelling variants seen on Bangladeshi and Indian sites.
        add(1, ["জানুয়ারি", "জানুয়ারী", "জানুআরি", "জানুয়ারি", "জানু"])
        add(2, ["ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রুআরি", "ফেবরুয়ারি", "ফেব্রু"])
        add(3, ["মার্চ"])
        add(4, ["এপ্রিল", "এপ্রিলে"])
        add(5, ["মে"])
        add(6, ["জুন"])
        add(7, ["জুলাই"])
        add(8, ["আগস্ট", "আগষ্ট", "অগাস্ট", "অগস্ট", "আগস্টে"])
        add(9, ["সেপ্টেম্বর", "সেপ্টেমবর", "সেপ্টেম্বার", "সেপ্ট"])
        add(10, ["অক্টোবর", "অক্টবর", "অক্টো"])
        add(11, ["নভেম্বর", "নভেমবর", "নভে"])
        add(12, ["ডিসেম্বর", "ডিসেমবর", "ডিসে"])
        // Hindi, Marathi, Nepali (Devanagari).
        add(1, ["जनवरी", "जानेवारी"]); add(2, ["फ़रवरी", "फरवरी", "फेब्रुवारी", "फेब्रुअरी"])
        add(3, ["मार्च"]); add(4, ["अप्रैल", "अप्रेल", "एप्रिल"]); add(5, ["मई", "मे"])
        add(6, ["जून"]); add(7, ["जुलाई", "जुलै"]); add(8, ["अगस्त", "ऑगस्ट", "अगस्ट"])
        add(9, ["सितंबर", "सितम्बर", "सप्टेंबर", "सेप्टेम्बर"]); add(10, ["अक्टूबर", "अक्तूबर", "ऑक्टोबर", "अक्टोबर"])
        add(11, ["नवंबर", "नवम्बर", "नोव्हेंबर", "नोभेम्बर"]); add(12, ["दिसंबर", "दिसम्बर", "डिसेंबर", "डिसेम्बर"])
        // Telugu.
        add(1, ["జనవరి"]); add(2, ["ఫిబ్రవరి"]); add(3, ["మార్చి"]); add(4, ["ఏప్రిల్"]); add(5, ["మే"])
        add(6, ["జూన్"]); add(7, ["జూలై", "జులై"]); add(8, ["ఆగస్టు", "ఆగస్ట్"]); add(9, ["సెప్టెంబర్", "సెప్టెంబరు"])
        add(10, ["అక్టోబర్", "అక్టోబరు"]); add(11, ["నవంబర్", "నవంబరు"]); add(12, ["డిసెంబర్", "డిసెంబరు"])
        // Tamil.
        add(1, ["ஜனவரி"]); add(2, ["பிப்ரவரி"]); add(3, ["மார்ச்"]); add(4, ["ஏப்ரல்"]); add(5, ["மே"])
        add(6, ["ஜூன்"]); add(7, ["ஜூலை"]); add(8, ["ஆகஸ்ட்"]); add(9, ["செப்டம்பர்"]); add(10, ["அக்டோபர்"])
        add(11, ["நவம்பர்"]); add(12, ["டிசம்பர்"])
        // Gujarati, Kannada, Malayalam, Punjabi (Gurmukhi).
        add(1, ["જાન્યુઆરી", "ಜನವರಿ", "ജനുവരി", "ਜਨਵਰੀ"]); add(2, ["ફેબ્રુઆરી", "ಫೆಬ್ರವರಿ", "ഫെബ്രുവരി", "ਫ਼ਰਵਰੀ", "ਫਰਵਰੀ"])
        add(3, ["માર્ચ", "ಮಾರ್ಚ್", "മാർച്ച്", "ਮਾਰਚ"]); add(4, ["એપ્રિલ", "ಏಪ್ರಿಲ್", "ഏപ്രിൽ", "ਅਪ੍ਰੈਲ"])
        add(5, ["મે", "ಮೇ", "മേയ്", "ਮਈ"]); add(6, ["જૂન", "ಜೂನ್", "ജൂൺ", "ਜੂਨ"]); add(7, ["જુલાઈ", "ಜುಲೈ", "ജൂലൈ", "ਜੁਲਾਈ"])
        add(8, ["ઑગસ્ટ", "ઓગસ્ટ", "ಆಗಸ್ಟ್", "ഓഗസ്റ്റ്", "ਅਗਸਤ"]); add(9, ["સપ્ટેમ્બર", "ಸೆಪ್ಟೆಂಬರ್", "സെപ്റ്റംബർ", "ਸਤੰਬਰ"])
        add(10, ["ઑક્ટોબર", "ઓક્ટોબર", "ಅಕ್ಟೋಬರ್", "ഒക്ടോബർ", "ਅਕਤੂਬਰ"]); add(11, ["નવેમ્બર", "ನವೆಂಬರ್", "നവംബർ", "ਨਵੰਬਰ"])
        add(12, ["ડિસેમ્બર", "ಡಿಸೆಂಬರ್", "ഡിസംബർ", "ਦਸੰਬਰ"])
        // Urdu, Arabic (Egyptian/Gulf names), Persian has its own calendar and is not listed.
        add(1, ["جنوری", "يناير", "ینایر"]); add(2, ["فروری", "فبراير"]); add(3, ["مارچ", "مارس"])
        add(4, ["اپریل", "أبريل", "ابريل"]); add(5, ["مئی", "مایو", "مايو"]); add(6, ["جون", "يونيو"])
        add(7, ["جولائی", "يوليو"]); add(8, ["اگست", "أغسطس", "اغسطس"]); add(9, ["ستمبر", "سبتمبر"])
        add(10, ["اکتوبر", "أكتوبر", "اكتوبر"]); add(11, ["نومبر", "نوفمبر"]); add(12, ["دسمبر", "ديسمبر"])
        return m
    }()

    // MARK: Other calendars

    /// Months of the Bangla calendar (বৈশাখ … চৈত্র), with variants. A date written with one of
    /// these is not Gregorian.
    static let banglaMonths: [String: Int] = {
        var m: [String: Int] = [:]
        let table: [(Int, [String])] = [
            (1, ["বৈশাখ"]), (2, ["জ্যৈষ্ঠ", "জৈষ্ঠ্য", "জ্যেষ্ঠ", "জৈষ্ঠ"]), (3, ["আষাঢ়"]), (4, ["শ্রাবণ", "শ্রাবন"]),
            (5, ["ভাদ্র"]), (6, ["আশ্বিন"]), (7, ["কার্তিক", "কার্ত্তিক"]), (8, ["অগ্রহায়ণ", "অগ্রহায়ন"]),
            (9, ["পৌষ"]), (10, ["মাঘ"]), (11, ["ফাল্গুন", "ফাগুন"]), (12, ["চৈত্র"]),
        ]
        for (n, names) in table { for s in names { m[s] = n } }
        return m
    }()

    /// Words of Hijri month names (Bengali, Urdu/Arabic, Latin transliterations). Multi-word names
    /// ("রবিউল আউয়াল") are matched by their first word; "সফর" is only taken as a month next to a
    /// day and a Hijri-range year, as it also means "trip" in Bengali.
    static let hijriMonthWords: Set<String> = [
        "মহররম", "মুহাররম", "সফর", "রবিউল", "রবিউস", "জমাদিউল", "জমাদিউস", "জুমাদাল", "রজব", "শাবান", "শাবান",
        "রমজান", "রমযান", "শাওয়াল", "শাওয়াল", "জিলকদ", "জিলহজ", "জিলহজ্জ", "জিলক্বদ",
        "muharram", "safar", "rabi", "rabiul", "jumada", "jamadi", "jumadal", "rajab", "shaban", "sha'ban",
        "ramadan", "ramzan", "shawwal", "dhul", "zul", "zilhaj", "zilqad",
        "محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان", "شوال", "ذو", "ذی",
    ]

    /// Words that mark the following number as a Bangla- or Hijri-calendar year ("বঙ্গাব্দ", "হিজরি").
    static let nonGregorianEraWords: Set<String> = ["বঙ্গাব্দ", "বাংলা", "হিজরি", "হিজরী", "ahijri", "hijri", "ah", "هـ", "ہجری"]

    // MARK: Weekdays and fillers

    /// Words skipped inside a date: weekday names, "the", "of", ordinal suffixes, "de", "um", "at" …
    static let fillers: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "mo", "di", "mi", "do", "fr", "sa", "so",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "segunda", "terça", "quarta", "quinta", "sexta", "feira",
        "সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার", "রোববার",
        "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "बृहस्पतिवार", "शुक्रवार", "शनिवार", "रविवार",
        "st", "nd", "rd", "th", "the", "of", "de", "del", "di", "do", "da", "den", "der", "le", "el", "am", "um",
        "at", "à", "a", "às", "as", "las", "la", "alle", "ore", "om", "kl", "klo", "o", "в", "г", "года", "года",
        "tarihinde", "saat", "pukul", "jam", "on", "t", "ঃ", "তারিখ", "ই", "শে", "লা", "রা", "ঠা", "ং",
        "年", "月", "日", "년", "월", "일", "h", "hrs", "uhr", "hs", "horas", "heure", "heures", "time", "মিনিট",
    ]

    // MARK: Time of day

    /// How an AM/PM or time-of-day word changes a 12-hour clock hour.
    enum Meridiem: Sendable {
        /// Before noon; 12 becomes 0.
        case am
        /// After noon; 1–11 become 13–23.
        case pm
        /// Noon-time words (দুপুর, दोपहर): 12 stays, 1–5 become 13–17, 11 stays.
        case noon
        /// Night words (রাত, रात): 6–11 become 18–23, 12 becomes 0, 1–5 stay.
        case night
    }

    static let meridiems: [String: Meridiem] = table([
        "am": .am, "pm": .pm, "a.m": .am, "p.m": .pm,
        "এএম": .am, "পিএম": .pm, "এ.এম": .am, "পি.এম": .pm, "পূর্বাহ্ন": .am, "অপরাহ্ন": .pm,
        "সকাল": .am, "ভোর": .am, "দুপুর": .noon, "বিকাল": .pm, "বিকেল": .pm, "সন্ধ্যা": .pm, "সন্ধ্যা": .pm, "রাত": .night,
        "এ": .am, "পি": .pm,
        "पूर्वाह्न": .am, "अपराह्न": .pm, "एएम": .am, "पीएम": .pm, "सुबह": .am, "दोपहर": .noon, "शाम": .pm,
        "रात": .night, "प्रातः": .am, "सायं": .pm,
        "午前": .am, "午後": .pm, "上午": .am, "下午": .pm, "오전": .am, "오후": .pm,
        "vorm": .am, "nachm": .pm, "ص": .am, "م": .pm, "صبح": .am, "شام": .pm,
    ])

    // MARK: Time zones

    /// Zone abbreviations → offset in minutes. "BST" and "IST" are ambiguous: ``DateParser`` reads
    /// them by the site's region (Bangladesh/India) when it knows one, else as listed here.
    static let zones: [String: Int] = table([
        "z": 0, "utc": 0, "gmt": 0, "ut": 0, "wet": 0,
        "west": 60, "bst": 60, "cet": 60, "mez": 60, "cest": 120, "mesz": 120, "eet": 120, "eest": 180,
        "msk": 180, "ist": 330, "pkt": 300, "npt": 345, "bdt": 360, "ict": 420, "wib": 420,
        "sgt": 480, "hkt": 480, "pht": 480, "awst": 480, "jst": 540, "kst": 540, "aest": 600, "aedt": 660,
        "nzst": 720, "nzdt": 780,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
        "akst": -540, "akdt": -480, "hst": -600, "ast": -240, "adt": -180, "nst": -210, "ndt": -150,
    ])

    // MARK: Labels

    /// What a label before a date says about it.
    enum Label: Sendable { case published, modified }

    /// Label words (single tokens, lower case).
    static let labels: [String: Label] = table([
        "প্রকাশ": .published, "প্রকাশিত": .published, "প্রকাশের": .published, "প্রকাশঃ": .published,
        "published": .published, "posted": .published, "publish": .published, "pubished": .published,
        "created": .published, "veröffentlicht": .published, "publiziert": .published, "erstellt": .published,
        "publié": .published, "publie": .published, "publicado": .published, "publicada": .published,
        "pubblicato": .published, "pubblicata": .published, "gepubliceerd": .published, "geplaatst": .published,
        "publicerad": .published, "publiceret": .published, "publisert": .published, "julkaistu": .published,
        "opublikowano": .published, "publikováno": .published, "yayınlanma": .published, "diterbitkan": .published,
        "опубликовано": .published, "प्रकाशित": .published, "पब्लिश्ड": .published, "प्रकाशन": .published,
        "ప్రచురణ": .published, "ప్రచురించబడింది": .published, "வெளியிடப்பட்டது": .published, "شائع": .published,
        "erschienen": .published, "objavljeno": .published, "publicat": .published, "publicată": .published,
        "opublikowany": .published, "опубліковано": .published, "yayınlandı": .published, "dipublikasikan": .published,
        "udgivet": .published, "δημοσιεύθηκε": .published, "δημοσίευση": .published, "közzétéve": .published,
        "aktualizacja": .modified, "оновлено": .modified, "ažurirano": .modified, "frissítve": .modified,
        "actualizat": .modified, "actualizată": .modified, "dikemaskini": .modified, "modificado": .modified,
        "modificato": .modified, "ενημερώθηκε": .modified, "ενημέρωση": .modified,
        "আপডেট": .modified, "হালনাগাদ": .modified, "সংশোধিত": .modified, "updated": .modified, "update": .modified,
        "modified": .modified, "edited": .modified, "aktualisiert": .modified, "geändert": .modified,
        "aktualisierung": .modified, "actualisé": .modified, "modifié": .modified, "actualizado": .modified,
        "actualizada": .modified, "aggiornato": .modified, "aggiornata": .modified, "bijgewerkt": .modified,
        "atualizado": .modified, "atualizada": .modified, "uppdaterad": .modified, "opdateret": .modified,
        "oppdatert": .modified, "päivitetty": .modified, "zaktualizowano": .modified, "aktualizováno": .modified,
        "güncelleme": .modified, "stand": .modified, "güncellendi": .modified, "diperbarui": .modified, "обновлено": .modified,
        "अपडेट": .modified, "अपडेटेड": .modified, "अद्यतन": .modified, "నవీకరించబడింది": .modified,
        "అప్‌డేట్": .modified, "புதுப்பிக்கப்பட்டது": .modified,
    ])
}

// MARK: ASCII words by their bytes

extension DateVocabulary {
    /// What an ASCII word is in the tables above (a word may be several things: "mar" a month,
    /// "am" a meridiem and a filler).
    struct ASCIIEntry: Sendable {
        var month: Int?
        var label: Label?
        var meridiem: Meridiem?
        var filler = false
    }

    /// The ASCII keys of ``months``, ``labels``, ``meridiems`` and ``fillers``, packed into
    /// ``LanguageDetector/WordKey``s. A String key is canonically equivalent to an ASCII word only
    /// when it is that word's bytes (no scalar of these tables decomposes to ASCII letters), so an
    /// ASCII word is looked up here by its bytes, without hashing a String. Every key here has at
    /// most 24 bytes (a ``LanguageDetector/WordKey``'s room).
    static let asciiEntries: WordKeyTable<ASCIIEntry> = {
        var out: [LanguageDetector.WordKey: ASCIIEntry] = [:]
        func isASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }
        for (k, v) in months where isASCII(k) { out[LanguageDetector.WordKey(k), default: ASCIIEntry()].month = v }
        for (k, v) in labels where isASCII(k) { out[LanguageDetector.WordKey(k), default: ASCIIEntry()].label = v }
        for (k, v) in meridiems where isASCII(k) { out[LanguageDetector.WordKey(k), default: ASCIIEntry()].meridiem = v }
        for k in fillers where isASCII(k) { out[LanguageDetector.WordKey(k), default: ASCIIEntry()].filler = true }
        precondition(out.keys.allSatisfy { $0.count <= 24 })
        return WordKeyTable(out, filler: ASCIIEntry())
    }()

    /// How a word is looked up: an ASCII word by its bytes (`nil` entry: in no table), any other in
    /// the String tables.
    enum Lookup {
        case ascii(ASCIIEntry?)
        case other
    }

    /// ``Lookup`` of `word` (lower case, as the tokenizer makes words), or of `word` and `more`
    /// joined.
    @inline(__always)
    static func lookUp(_ word: String, _ more: String = "") -> Lookup {
        var key = LanguageDetector.WordKey()
        var fits = true
        guard append(word, to: &key, fits: &fits), more.isEmpty || append(more, to: &key, fits: &fits) else { return .other }
        // Longer than every ASCII key: in no table.
        return .ascii(fits ? asciiEntries[key] : nil)
    }

    /// Appends the bytes of `s` to `key` while they fit; false when `s` is not ASCII.
    @inline(__always)
    private static func append(_ s: String, to key: inout LanguageDetector.WordKey, fits: inout Bool) -> Bool {
        var s = s
        return s.withUTF8 { b -> Bool in
            for c in b {
                if c >= 0x80 { return false }
                if fits { fits = key.append(c) }
            }
            return true
        }
    }

    /// `months[word]`.
    static func month(_ word: String) -> Int? {
        if case .ascii(let e) = lookUp(word) { return e?.month }
        return months[word]
    }

    /// `labels[word]`.
    static func label(_ word: String) -> Label? {
        if case .ascii(let e) = lookUp(word) { return e?.label }
        return labels[word]
    }

    /// `fillers.contains(word)`.
    static func isFiller(_ word: String) -> Bool {
        if case .ascii(let e) = lookUp(word) { return e?.filler ?? false }
        return fillers.contains(word)
    }

    /// `meridiems[word]`.
    static func meridiem(_ word: String) -> Meridiem? {
        if case .ascii(let e) = lookUp(word) { return e?.meridiem }
        return meridiems[word]
    }

    /// `meridiems[first + second]`: two ASCII words as their joined bytes; an ASCII first word
    /// before a word with other scalars joins to a text that opens with an ASCII scalar, which no
    /// key in another script is canonically equivalent to, and no ASCII key holds non-ASCII bytes.
    static func meridiem(_ first: String, _ second: String) -> Meridiem? {
        if first.utf8.first.map({ $0 < 0x80 }) == true, case .other = lookUp(second) { return nil }
        if case .ascii(let e) = lookUp(first, second) { return e?.meridiem }
        return meridiems[first + second]
    }
}
