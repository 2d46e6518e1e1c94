/// A JSON value, as read by ``LenientJSON``.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(x), .array(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    /// The value of `key` in an object (first match), else `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    /// A string, or a number written as text.
    public var string: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        default: return nil
        }
    }

    /// True for `null`.
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The elements of an array; a single value as a one-element list; nothing for `null`.
    public var list: [JSONValue] {
        switch self {
        case .array(let a): return a
        case .null: return []
        default: return [self]
        }
    }
}

/// A forgiving JSON reader for JSON-LD as real pages write it: tolerates HTML comments and CDATA
/// wrappers around the block, `//` and `/* */` comments, trailing commas, raw control characters
/// and bad escapes inside strings, single-quoted strings, and several top-level values in one block
/// (returned as an array). It never throws: what cannot be read is skipped.
public struct LenientJSON: Sendable {
    /// Maximum nesting depth (default 64); deeper values become `null`.
    public var maxDepth: Int
    /// The object keys whose values the caller reads (default `nil`: all). When set, the string,
    /// number, boolean and `null` values of any other key are skipped without being made (their
    /// pairs left out), and so are such values in arrays under it; objects and arrays under any
    /// key are still read, their pairs stored under the empty key "". What a reader asks of the
    /// kept keys is answered as without this setting (see ``Keys``).
    public var keys: Keys?

    public init(maxDepth: Int = 64, keys: Keys? = nil) {
        self.maxDepth = maxDepth
        self.keys = keys
    }

    /// A set of object keys, matched as Strings match (`==`): when all names are ASCII, an ASCII
    /// key by its bytes; any other through the String.
    public struct Keys: Sendable {
        let names: Set<String>
        /// The names' bytes by length (when all are ASCII).
        let byLength: [[[UInt8]]]
        /// True when every name is ASCII.
        let ascii: Bool

        public init(_ names: [String]) {
            self.names = Set(names)
            ascii = names.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
            var byLength = [[[UInt8]]](repeating: [], count: (names.map(\.utf8.count).max() ?? 0) + 1)
            for n in names { byLength[n.utf8.count].append(Array(n.utf8)) }
            self.byLength = byLength
        }

        /// Whether the key with the UTF-8 bytes `k` is one of the names (`String(decoding: k, as: UTF8.self)`
        /// equal to one): with ASCII names, ASCII bytes are compared with theirs (two ASCII Strings
        /// are equal when their bytes are); other bytes, or other names, through the String (where
        /// equality is canonical: "\u{212A}" KELVIN SIGN equals "K").
        func contains(_ k: UnsafeBufferPointer<UInt8>) -> Bool {
            var high: UInt8 = 0
            for c in k { high |= c }
            guard high < 0x80, ascii else { return names.contains(String(decoding: k, as: UTF8.self)) }
            guard k.count < byLength.count else { return false }
            for n in byLength[k.count] where n.withUnsafeBufferPointer({ n in (0..<k.count).allSatisfy { n[$0] == k[$0] } }) {
                return true
            }
            return false
        }
    }

    /// The values in `text`: one value, or an array when the block holds several.
    public func parse(_ text: String) -> JSONValue? {
        var bytes = Array(text.utf8)
        var p = Parser(b: bytes, maxDepth: maxDepth, keys: keys)
        var values: [JSONValue] = []
        while true {
            p.skipJunk()
            guard p.i < p.b.count else { break }
            let before = p.i
            if let v = p.value(depth: 0) { values.append(v) }
            if p.i == before { p.i += 1 }
        }
        bytes.removeAll()
        switch values.count {
        case 0: return nil
        case 1: return values[0]
        default: return .array(values)
        }
    }

    struct Parser {
        let b: [UInt8]
        let maxDepth: Int
        let keys: Keys?
        var i = 0

        init(b: [UInt8], maxDepth: Int, keys: Keys? = nil) {
            self.b = b
            self.maxDepth = maxDepth
            self.keys = keys
        }

        /// Skips white space, comments, `<!--`, `-->`, `<![CDATA[`, `]]>`, `;` and stray commas.
        mutating func skipJunk() {
            while i < b.count {
                let c = b[i]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x3B || c == 0x2C { i += 1; continue }
                if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { i += 3; continue }
                if c == 0x2F, skipComment() { continue }
                if starts("<!--") { i += 4; continue }
                if starts("-->") { i += 3; continue }
                if starts("<![CDATA[") { i += 9; continue }
                if starts("]]>") { i += 3; continue }
                return
            }
        }

        /// Skips a `//` line comment or a `/* … */` block comment at the cursor; false if there is none.
        mutating func skipComment() -> Bool {
            guard i + 1 < b.count, b[i] == 0x2F else { return false }
            if b[i + 1] == 0x2F {
                while i < b.count, b[i] != 0x0A { i += 1 }
                return true
            }
            if b[i + 1] == 0x2A {
                i += 2
                while i + 1 < b.count, !(b[i] == 0x2A && b[i + 1] == 0x2F) { i += 1 }
                i = min(b.count, i + 2)
                return true
            }
            return false
        }

        func starts(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard i + n <= b.count else { return false }
            return s.withUTF8Buffer { buf in
                for k in 0..<n where b[i + k] != buf[k] { return false }
                return true
            }
        }

        /// The value at the cursor. With `kept` false (a value no reader asks for, see
        /// ``LenientJSON/keys``) a string, number, boolean or `null` is skipped and read as `null`.
        mutating func value(depth: Int, kept: Bool = true) -> JSONValue? {
            skipJunkInValue()
            guard i < b.count else { return nil }
            switch b[i] {
            case 0x7B: return depth >= maxDepth ? skipNested() : object(depth: depth + 1)
            case 0x5B: return depth >= maxDepth ? skipNested() : array(depth: depth + 1, kept: kept)
            case 0x22, 0x27:
                if kept { return .string(string(quote: b[i])) }
                skipString(quote: b[i])
                return .null
            case 0x74 where starts("true"): i += 4; return kept ? .bool(true) : .null
            case 0x66 where starts("false"): i += 5; return kept ? .bool(false) : .null
            case 0x6E where starts("null"): i += 4; return .null
            case 0x2D, 0x2B, 0x30...0x39, 0x2E:
                if kept { return number() }
                skipNumber()
                return .null
            default: return nil
            }
        }

        /// Past the string at the cursor, as ``string(quote:)`` goes (an escape's bytes after the
        /// backslash are never a quote or a backslash where it reads them), without making it.
        mutating func skipString(quote: UInt8) {
            i += 1
            while true {
                i = b.withUnsafeBufferPointer { Self.plainRun($0, from: i, quote: quote) }
                guard i < b.count else { return }
                let c = b[i]
                if c == quote { i += 1; return }
                if c == 0x5C, i + 1 < b.count { i += 2; continue }
                i += 1
            }
        }

        /// Past the number at the cursor, as ``number()`` goes.
        mutating func skipNumber() {
            while i < b.count, (0x30...0x39).contains(b[i]) || b[i] == 0x2D || b[i] == 0x2B || b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 {
                i += 1
            }
        }

        /// The key of a pair: the String at the cursor (from `quote`, or unquoted when `quote` is
        /// `nil`) and whether it is one of ``keys`` (always true without them); a key not kept is
        /// not made (the empty String).
        mutating func key(quote: UInt8?) -> (String, Bool) {
            if let quote {
                guard let keys else { return (string(quote: quote), true) }
                let start = i + 1
                let end = b.withUnsafeBufferPointer { Self.plainRun($0, from: start, quote: quote) }
                if end < b.count, b[end] == quote {
                    // A key without escapes: its bytes are its String's.
                    i = end + 1
                    let kept = b.withUnsafeBufferPointer { keys.contains(UnsafeBufferPointer(rebasing: $0[start..<end])) }
                    return kept ? (b.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }, true) : ("", false)
                }
                let k = string(quote: quote)
                return keys.names.contains(k) ? (k, true) : ("", false)
            }
            // Unquoted key.
            let s = i
            while i < b.count, b[i] != 0x3A, b[i] != 0x7D, b[i] != 0x2C, b[i] != 0x20 { i += 1 }
            if let keys, !b.withUnsafeBufferPointer({ keys.contains(UnsafeBufferPointer(rebasing: $0[s..<i])) }) { return ("", false) }
            return (String(decoding: b[s..<i], as: UTF8.self), true)
        }

        /// White space and comments only (commas matter inside values).
        mutating func skipJunkInValue() {
            while i < b.count {
                let c = b[i]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1; continue }
                if c == 0x2F, skipComment() { continue }
                return
            }
        }

        mutating func skipNested() -> JSONValue {
            var level = 0
            while i < b.count {
                let c = b[i]
                if c == 0x22 { _ = string(quote: 0x22); continue }
                if c == 0x7B || c == 0x5B { level += 1 }
                if c == 0x7D || c == 0x5D { level -= 1; if level == 0 { i += 1; break } }
                i += 1
            }
            return .null
        }

        mutating func object(depth: Int) -> JSONValue {
            i += 1
            var pairs: [(String, JSONValue)] = []
            while i < b.count {
                skipJunkInValue()
                guard i < b.count else { break }
                let c = b[i]
                if c == 0x7D { i += 1; break }
                if c == 0x2C { i += 1; continue }
                if c == 0x5D { i += 1; break }  // mismatched close: end the object
                let (key, kept) = self.key(quote: c == 0x22 || c == 0x27 ? c : nil)
                skipJunkInValue()
                guard i < b.count, b[i] == 0x3A else {
                    if i < b.count, b[i] != 0x7D { i += 1 }
                    continue
                }
                i += 1
                let start = i
                if let v = value(depth: depth, kept: kept) {
                    // (A skipped value, read as `null`, is left out.)
                    if kept || !v.isNull { pairs.append((key, v)) }
                } else if i == start {
                    // Unreadable value: skip to the next comma or close.
                    while i < b.count, b[i] != 0x2C, b[i] != 0x7D { i += 1 }
                }
            }
            return .object(pairs)
        }

        /// An array; with `kept` false (under a key no reader asks for), its strings, numbers,
        /// booleans and `null`s are skipped and left out.
        mutating func array(depth: Int, kept: Bool = true) -> JSONValue {
            i += 1
            var items: [JSONValue] = []
            while i < b.count {
                skipJunkInValue()
                guard i < b.count else { break }
                let c = b[i]
                if c == 0x5D { i += 1; break }
                if c == 0x2C { i += 1; continue }
                if c == 0x7D { i += 1; break }
                let start = i
                if let v = value(depth: depth, kept: kept) {
                    if kept || !v.isNull { items.append(v) }
                } else if i == start {
                    i += 1
                }
            }
            return .array(items)
        }

        mutating func number() -> JSONValue? {
            let s = i
            while i < b.count, (0x30...0x39).contains(b[i]) || b[i] == 0x2D || b[i] == 0x2B || b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 {
                i += 1
            }
            return Double(String(decoding: b[s..<i], as: UTF8.self)).map { .number($0) } ?? .null
        }

        /// A string; `\n`, `\r` and `\t` escapes decode to their characters, raw control characters
        /// (invalid in JSON) become spaces, unknown escapes keep the character.
        mutating func string(quote: UInt8) -> String {
            i += 1
            // The run of bytes that stand for themselves (no quote, backslash or control
            // character), found first: most strings are that run and a closing quote, made into a
            // String at once; others copy it whole and go on byte by byte.
            let start = i
            i = b.withUnsafeBufferPointer { Self.plainRun($0, from: start, quote: quote) }
            if i < b.count, b[i] == quote {
                i += 1
                return b.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<i - 1]), as: UTF8.self) }
            }
            var out: [UInt8] = []
            out.reserveCapacity(i - start + 16)
            out.append(contentsOf: b[start..<i])
            while i < b.count {
                let c = b[i]
                if c == quote { i += 1; break }
                if c == 0x5C, i + 1 < b.count {
                    let e = b[i + 1]
                    i += 2
                    switch e {
                    case 0x6E: out.append(0x0A)  // \n
                    case 0x72: out.append(0x0D)  // \r
                    case 0x74: out.append(0x09)  // \t
                    case 0x66, 0x62: out.append(0x20)  // \f, \b
                    case 0x75:
                        if let scalar = unicodeEscape() {
                            out.append(contentsOf: Array(String(Character(scalar)).utf8))
                        }
                    default: out.append(e)
                    }
                    continue
                }
                out.append(c < 0x20 ? 0x20 : c)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// The end of the run of bytes from `start` that are not `quote`, a backslash or a control
        /// character (below 0x20) (``plainRunReference(_:from:quote:)`` byte by byte).
        @inline(__always)
        static func plainRun(_ b: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8) -> Int {
            var k = start
            // Eight bytes at a time: each test leaves its verdict in the byte's top bit with no carry
            // into the next byte, so the lowest flagged byte is the first stop.
            if let base = b.baseAddress {
                let high: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
                let quotes = UInt64(quote) &* 0x0101_0101_0101_0101
                @inline(__always) func zero(_ z: UInt64) -> UInt64 { ~(((z & low7) &+ low7) | z) & high }
                while k + 8 <= b.count {
                    let x = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
                    let control = ~(((x & low7) &+ 0x6060_6060_6060_6060) | x) & high  // below 0x20
                    let stops = control | zero(x ^ quotes) | zero(x ^ 0x5C5C_5C5C_5C5C_5C5C)
                    if stops != 0 { return k + stops.trailingZeroBitCount >> 3 }
                    k += 8
                }
            }
            while k < b.count {
                let c = b[k]
                if c == quote || c == 0x5C || c < 0x20 { break }
                k += 1
            }
            return k
        }

        /// ``plainRun(_:from:quote:)`` byte by byte (the tests' reference).
        static func plainRunReference(_ b: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8) -> Int {
            var k = start
            while k < b.count, b[k] != quote, b[k] != 0x5C, b[k] >= 0x20 { k += 1 }
            return k
        }

        /// After `\u`: four hex digits, joining a surrogate pair when one follows.
        mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let hi = hex4() else { return nil }
            if (0xD800...0xDBFF).contains(hi), i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
                let save = i
                i += 2
                if let lo = hex4(), (0xDC00...0xDFFF).contains(lo) {
                    return Unicode.Scalar(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                }
                i = save
                return nil
            }
            return Unicode.Scalar(hi)
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= b.count else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = b[i + k]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: return nil
                }
                v = v * 16 + d
            }
            i += 4
            return v
        }
    }
}
