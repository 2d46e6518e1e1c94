import Testing
@testable import Extraction

@Suite("LanguageDetector")
struct LanguageTests {
    let detector = LanguageDetector()

    static let samples: [(String, String)] = [
        ("ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান রাশিয়া সফরে যাবেন। সব কিছু ঠিক থাকলে আগামী বছরের জানুয়ারিতে তার মস্কো ভ্রমণের কথা রয়েছে।", "bn"),
        ("वाराणसी में कोरोना संक्रमण के मामले बढ़ने के बाद प्रशासन ने कई इलाकों को सील कर दिया है और लोगों से घरों में रहने की अपील की है।", "hi"),
        ("मुंबईत आज मुसळधार पाऊस झाला आणि अनेक भागात पाणी साचले आहे. प्रशासनाने नागरिकांना घरी राहण्याचे आवाहन केले आहे.", "mr"),
        ("काठमाडौंमा आज भारी वर्षा भएको छ र धेरै ठाउँमा पानी जमेको छ। सरकारले नागरिकलाई घरमै बस्न आग्रह गरेको छ।", "ne"),
        ("హైదరాబాద్ నగరంలో భారీ వర్షాలు కురిశాయి. పలు ప్రాంతాల్లో రోడ్లు జలమయమయ్యాయి.", "te"),
        ("சென்னையில் இன்று கனமழை பெய்தது. பல பகுதிகளில் சாலைகளில் தண்ணீர் தேங்கியது.", "ta"),
        ("کراچی میں آج شدید بارش ہوئی اور کئی علاقوں میں پانی جمع ہو گیا۔ حکومت نے شہریوں سے گھروں میں رہنے کی اپیل کی ہے۔", "ur"),
        ("أعلنت الحكومة اليوم عن خطة جديدة لمواجهة الأمطار الغزيرة التي ضربت العاصمة خلال الأيام الماضية.", "ar"),
        ("Правительство объявило сегодня о новом плане по борьбе с сильными дождями, которые обрушились на столицу.", "ru"),
        ("Уряд сьогодні оголосив про новий план боротьби з сильними дощами, які обрушилися на столицю.", "uk"),
        ("政府今天宣布了一项应对首都连日暴雨的新计划，各部门将全力配合做好防汛工作。", "zh"),
        ("政府は今日、首都を襲った大雨に対応するための新しい計画を発表しました。", "ja"),
        ("정부는 오늘 수도를 강타한 폭우에 대응하기 위한 새로운 계획을 발표했다.", "ko"),
        ("The government announced a new plan on Friday to deal with the heavy rain that has hit the capital for days, and officials said it would be in place by the weekend.", "en"),
        ("Die Regierung hat am Freitag einen neuen Plan vorgestellt, mit dem sie auf den Starkregen reagieren will, der die Hauptstadt seit Tagen trifft.", "de"),
        ("Le gouvernement a présenté vendredi un nouveau plan pour faire face aux fortes pluies qui frappent la capitale depuis plusieurs jours.", "fr"),
        ("El gobierno presentó el viernes un nuevo plan para hacer frente a las fuertes lluvias que azotan la capital desde hace días.", "es"),
        ("Il governo ha presentato venerdì un nuovo piano per far fronte alle forti piogge che da giorni colpiscono la capitale.", "it"),
        ("De regering heeft vrijdag een nieuw plan gepresenteerd om het hoofd te bieden aan de zware regen die de hoofdstad al dagen teistert.", "nl"),
        ("O governo apresentou na sexta-feira um novo plano para enfrentar as fortes chuvas que atingem a capital há vários dias.", "pt"),
        ("Regeringen presenterade på fredagen en ny plan för att hantera det kraftiga regnet som har drabbat huvudstaden i flera dagar.", "sv"),
        ("Rząd przedstawił w piątek nowy plan walki z ulewnymi deszczami, które od kilku dni nawiedzają stolicę i jej okolice.", "pl"),
        ("Hükümet cuma günü başkenti günlerdir etkileyen şiddetli yağmurlarla mücadele için yeni bir plan açıkladı ve bu plan çok önemli olarak görülüyor.", "tr"),
        ("Pemerintah pada hari Jumat mengumumkan rencana baru untuk mengatasi hujan lebat yang telah melanda ibu kota selama beberapa hari dan akan segera dilaksanakan.", "id"),
    ]

    @Test("detects the language of a text from its script and words", arguments: samples)
    func detects(text: String, expected: String) {
        #expect(detector.detect(text)?.language == expected, "\(text.prefix(30))")
    }

    @Test("clear text wins over a wrong declaration")
    func textWins() {
        let bn = Self.samples[0].0 + " " + Self.samples[0].0
        #expect(detector.resolve(text: bn, declared: ["en-US"]) == "bn")
    }

    @Test("a declaration that agrees keeps its region; one within a confusable group decides")
    func declarationAgrees() {
        let pt = Self.samples.first { $0.1 == "pt" }!.0
        #expect(detector.resolve(text: pt, declared: ["pt_BR"]) == "pt-BR")
        let id = Self.samples.first { $0.1 == "id" }!.0
        #expect(detector.resolve(text: id, declared: ["ms-MY"]) == "ms-MY")
    }

    @Test("too little text falls back to the declaration")
    func shortText() {
        #expect(detector.resolve(text: "OK", declared: ["de-DE"]) == "de-DE")
        #expect(detector.resolve(text: "", declared: []) == nil)
    }

    @Test("tags are normalised", arguments: [("en_US", "en-US"), ("EN", "en"), ("nb-NO", "no-NO"), ("x-default", nil), ("", nil), ("bn-BD", "bn-BD")] as [(String, String?)])
    func normalise(raw: String, expected: String?) {
        #expect(LanguageDetector.normalizeTag(raw) == expected)
    }
}
