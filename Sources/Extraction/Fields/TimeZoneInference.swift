import Foundation

/// Infers a site's time zone when a page gives a time without an offset: from the country-code
/// top-level domain of its host (`.bd` → Asia/Dhaka, `.in` → Asia/Kolkata, `.de` → Europe/Berlin …),
/// else from the language of a page whose language is spoken in one time zone (Bengali → Bangladesh,
/// Hindi and the other Indian scripts → India, Urdu → Pakistan, Nepali → Nepal, Sinhala → Sri Lanka).
///
/// A record that uses an inferred offset says so with `timezone_inferred: true`. Generic domains
/// (`.com`, `.org`, `.net` …) and countries with several zones (US, Canada, Russia, Brazil,
/// Australia …) give no inference on their own.
public struct TimeZoneInference: Sendable {
    /// The IANA zone chosen, if any.
    public let zoneIdentifier: String?

    /// Infers from the page's host (e.g. `www.kalbela.com`) and its language (`bn`, `hi` …).
    public init(host: String?, language: String?) {
        zoneIdentifier = Self.zone(host: host, language: language)
    }

    /// The offset in minutes at a local date and time in the inferred zone (daylight saving applied).
    public func offsetMinutes(for date: ParsedDate) -> Int? {
        guard let id = zoneIdentifier else { return nil }
        if let fixed = Self.fixedOffsets[id] { return fixed }
        guard let tz = TimeZone(identifier: id) else { return nil }
        // Local time read as UTC, corrected by the zone's offset at that moment, then asked again:
        // right on both sides of a daylight-saving change except within the changeover hour itself.
        let local = Double(date.epochSeconds(assumingOffset: 0))
        let first = tz.secondsFromGMT(for: Date(timeIntervalSince1970: local))
        return tz.secondsFromGMT(for: Date(timeIntervalSince1970: local - Double(first))) / 60
    }

    /// Zones without daylight saving, answered without Foundation.
    static let fixedOffsets: [String: Int] = [
        "Asia/Dhaka": 360, "Asia/Kolkata": 330, "Asia/Karachi": 300, "Asia/Kathmandu": 345, "Asia/Colombo": 330,
        "Asia/Thimphu": 360, "Asia/Yangon": 390, "Asia/Kabul": 270, "Indian/Maldives": 300,
        "Asia/Shanghai": 480, "Asia/Hong_Kong": 480, "Asia/Taipei": 480, "Asia/Singapore": 480,
        "Asia/Kuala_Lumpur": 480, "Asia/Manila": 480, "Asia/Tokyo": 540, "Asia/Seoul": 540, "Asia/Bangkok": 420,
        "Asia/Ho_Chi_Minh": 420, "Asia/Jakarta": 420, "Asia/Dubai": 240, "Asia/Riyadh": 180, "Asia/Qatar": 180,
        "Europe/Istanbul": 180, "Europe/Moscow": 180, "Africa/Lagos": 60, "Africa/Nairobi": 180,
        "Africa/Johannesburg": 120, "Asia/Tehran": 210,
    ]

    static let byCountry: [String: String] = [
        "bd": "Asia/Dhaka", "in": "Asia/Kolkata", "pk": "Asia/Karachi", "np": "Asia/Kathmandu",
        "lk": "Asia/Colombo", "bt": "Asia/Thimphu", "mm": "Asia/Yangon", "af": "Asia/Kabul", "mv": "Indian/Maldives",
        "cn": "Asia/Shanghai", "hk": "Asia/Hong_Kong", "tw": "Asia/Taipei", "sg": "Asia/Singapore",
        "my": "Asia/Kuala_Lumpur", "ph": "Asia/Manila", "jp": "Asia/Tokyo", "kr": "Asia/Seoul", "th": "Asia/Bangkok",
        "vn": "Asia/Ho_Chi_Minh", "id": "Asia/Jakarta", "ae": "Asia/Dubai", "sa": "Asia/Riyadh", "qa": "Asia/Qatar",
        "tr": "Europe/Istanbul", "ng": "Africa/Lagos", "ke": "Africa/Nairobi", "za": "Africa/Johannesburg",
        "ir": "Asia/Tehran", "il": "Asia/Jerusalem", "eg": "Africa/Cairo",
        "uk": "Europe/London", "gb": "Europe/London", "ie": "Europe/Dublin", "pt": "Europe/Lisbon",
        "de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich", "fr": "Europe/Paris",
        "be": "Europe/Brussels", "nl": "Europe/Amsterdam", "lu": "Europe/Luxembourg", "es": "Europe/Madrid",
        "it": "Europe/Rome", "dk": "Europe/Copenhagen", "se": "Europe/Stockholm", "no": "Europe/Oslo",
        "pl": "Europe/Warsaw", "cz": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest",
        "si": "Europe/Ljubljana", "hr": "Europe/Zagreb", "rs": "Europe/Belgrade", "ro": "Europe/Bucharest",
        "bg": "Europe/Sofia", "gr": "Europe/Athens", "fi": "Europe/Helsinki", "ee": "Europe/Tallinn",
        "lv": "Europe/Riga", "lt": "Europe/Vilnius", "ua": "Europe/Kyiv", "nz": "Pacific/Auckland",
        "ar": "America/Argentina/Buenos_Aires", "cl": "America/Santiago", "co": "America/Bogota", "pe": "America/Lima",
    ]

    static let byLanguage: [String: String] = [
        "bn": "Asia/Dhaka", "hi": "Asia/Kolkata", "te": "Asia/Kolkata", "ta": "Asia/Kolkata", "mr": "Asia/Kolkata",
        "gu": "Asia/Kolkata", "kn": "Asia/Kolkata", "ml": "Asia/Kolkata", "pa": "Asia/Kolkata", "or": "Asia/Kolkata",
        "as": "Asia/Kolkata", "ur": "Asia/Karachi", "ne": "Asia/Kathmandu", "si": "Asia/Colombo",
    ]

    static func zone(host: String?, language: String?) -> String? {
        let host = (host ?? "").lowercased()
        if let dot = host.lastIndex(of: ".") {
            let tld = String(host[host.index(after: dot)...])
            if let z = byCountry[tld] { return z }
        }
        // Bengali pages on Indian sites (.in handled above) are rare on generic domains; a Bengali
        // site on a generic domain is taken as Bangladeshi.
        if let lang = language?.split(separator: "-").first.map({ String($0).lowercased() }), let z = byLanguage[lang] {
            return z
        }
        return nil
    }
}
