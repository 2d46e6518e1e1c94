import Testing
@testable import Extraction
import Schemas

@Suite("BylineParser")
struct BylineTests {
    typealias Role = ArticleRecord.AuthorRole
    let parser = BylineParser()

    static let cases: [(String, [String], [Role])] = [
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"], [.reporter, .reporter]),
        ("Jane Doe, Reuters", ["Jane Doe", "Reuters"], [.reporter, .agency]),
        ("By JANE DOE | Updated December 27, 2024", ["JANE DOE"], [.reporter]),
        ("Von Birgit Baumann, Anna Giulia Fink und Jan Michael Marchart", ["Birgit Baumann", "Anna Giulia Fink", "Jan Michael Marchart"], [.reporter, .reporter, .reporter]),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"], [.reporter, .reporter]),
        ("Por María García y José Pérez", ["María García", "José Pérez"], [.reporter, .reporter]),
        ("Jane Doe jane.doe@example.com", ["Jane Doe"], [.reporter]),
        ("Dylan Bailey, MS, RD, FAND", ["Dylan Bailey, MS, RD, FAND"], [.reporter]),
        ("Samya Kullab & Vasilisa Stepanenko, Associated Press", ["Samya Kullab", "Vasilisa Stepanenko", "Associated Press"], [.reporter, .reporter, .agency]),
        ("Correspondent, Sylhet", ["Correspondent"], [.correspondent]),
        ("Jane Doe, Sylhet Correspondent", ["Jane Doe"], [.correspondent]),
        ("International Desk", ["International Desk"], [.desk]),
        ("Staff Reporter", ["Staff Reporter"], [.staff]),
        ("AFP", ["AFP"], [.agency]),
        ("Von dpa", ["dpa"], [.agency]),
        ("Liz Kenny Former McKinsey Consultant", ["Liz Kenny"], [.reporter]),
        ("Written By: Celeste Longacre Gardener & Astrologer", ["Celeste Longacre"], [.reporter]),
        ("Rasmus Barslund Founder & Lead Reviewer", ["Rasmus Barslund"], [.reporter]),
        ("By Tom Krisher, AP Auto Writer", ["Tom Krisher", "AP"], [.reporter, .agency]),
        ("By Jane Doe, jane doe", ["Jane Doe"], [.reporter]),
        ("Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group", ["Niko Matsakis"], [.reporter]),
        ("Gary Marcus Dec 14, 2025", ["Gary Marcus"], [.reporter]),
        ("Craig McCarthy Last updated on 17 December 2025", ["Craig McCarthy"], [.reporter]),
        ("신현주 기자", ["신현주"], [.reporter]),
        ("By Maya Gebeily and Anthony Deutsch March 7, 20247:55 AM UTCUpdated ago", ["Maya Gebeily", "Anthony Deutsch"], [.reporter, .reporter]),
        ("Xiaoying You0, Mariana Lenharo & … Jeff Tollefson", ["Xiaoying You", "Mariana Lenharo", "Jeff Tollefson"], [.reporter, .reporter, .reporter]),
        // Bengali
        ("কালবেলা ডেস্ক", ["কালবেলা ডেস্ক"], [.desk]),
        ("অনলাইন ডেস্ক", ["অনলাইন ডেস্ক"], [.desk]),
        ("নিজস্ব প্রতিবেদক", ["নিজস্ব প্রতিবেদক"], [.staff]),
        ("নিজস্ব প্রতিবেদক, সিলেট", ["নিজস্ব প্রতিবেদক"], [.staff]),
        ("সিলেট প্রতিনিধি", ["সিলেট প্রতিনিধি"], [.correspondent]),
        ("বাসস", ["বাসস"], [.agency]),
        ("ইউএনবি", ["ইউএনবি"], [.agency]),
        ("লেখক: রহিম উদ্দিন", ["রহিম উদ্দিন"], [.reporter]),
        ("রহিম উদ্দিন ও করিম আহমেদ", ["রহিম উদ্দিন", "করিম আহমেদ"], [.reporter, .reporter]),
        ("কালবেলা ডেস্ক প্রকাশ : ২৭ ডিসেম্বর ২০২৪, ০৮:৫৩ পিএম", ["কালবেলা ডেস্ক"], [.desk]),
        ("वाराणसी ब्यूरो", ["वाराणसी ब्यूरो"], [.desk]),
    ]

    @Test("splits bylines into authors with roles", arguments: cases)
    func parses(byline: String, names: [String], roles: [Role]) {
        let authors = parser.parse(byline)
        #expect(authors.map(\.name) == names, "\(byline)")
        #expect(authors.map(\.role) == roles.map { Optional($0) }, "\(byline)")
    }

    @Test("text that is not a byline gives no author", arguments: [
        "", "Updated 27 Dec 2024", "Share this article on Facebook", "27.12.2024 20:53",
        "Edit with Live CSS Save Write CSS OR LESS and hit save.", "Foto: REUTERS/Nadja Wohlleben" ,
    ])
    func notBylines(text: String) {
        #expect(parser.parse(text).isEmpty, "\(text)")
    }
}

@Suite("AgencyCatalog and AttributionFinder")
struct AgencyTests {
    @Test("credits in body text give canonical agency names", arguments: [
        ("ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান রাশিয়া সফরে যাবেন। খবর রয়টার্সের।", ["Reuters"]),
        ("ঢাকায় আজ বৈঠক হয়েছে, বাসস জানায়।", ["BSS"]),
        ("বার্তা সংস্থা এএফপির প্রতিবেদনে বলা হয়েছে, যুদ্ধ চলছে।", ["AFP"]),
        ("KYIV, Ukraine (AP) — Russian forces struck the city overnight.", ["AP"]),
        ("The minister resigned on Friday, Reuters reported.", ["Reuters"]),
        ("DHAKA, Dec 27 (UNB) - The government said on Friday", ["UNB"]),
        ("Der Minister trat zurück, wie die dpa meldet.", ["dpa"]),
        ("The talks ended without agreement, according to AFP and Reuters.", ["Reuters", "AFP"]),
        ("नई दिल्ली: सरकार ने कहा (भाषा/पीटीआई)", ["PTI"]),
    ])
    func credits(text: String, expected: [String]) {
        #expect(Set(AttributionFinder().attributions(in: [text])) == Set(expected), "\(text)")
    }

    @Test("bare mentions and lookalikes are not credits", arguments: [
        "A Reuters photographer was injured in the blast and taken to hospital nearby.",
        "He bought AA batteries and an apple for the trip.",
        "Snap shares fell in early trading as the company missed targets.",
        "রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট",
    ])
    func notCredits(text: String) {
        #expect(AttributionFinder().attributions(in: [text]).isEmpty, "\(text)")
    }

    @Test("agency names with Bengali case endings are recognised", arguments: ["রয়টার্সের", "এএফপির", "বাসসের", "ইউএনবি", "Reuters", "AFP"])
    func named(text: String) {
        #expect(AgencyCatalog.agency(named: text) != nil)
    }
}
