/// Pages bundled with `newsflow demo`: written by this project, modelled on real news sites.
enum SamplePages {
    struct Sample: Sendable {
        var url: String?
        var html: String
        /// Send as a `rawpage/v1` JSON envelope instead of raw bytes with headers.
        var asEnvelope = false
    }

    static let all: [Sample] = [
        Sample(url: "https://www.kalbela.test/world/asia/152201", html: kalbela),
        Sample(url: "https://news.example.com/2024/05/03/city-council-approves-bike-lanes", html: english, asEnvelope: true),
        Sample(url: "https://zeitung.example.de/lokales/2024/neue-bruecke-eroeffnet", html: german),
        // Broken on purpose: raw bytes without a `url` header cannot become a record → dead letter.
        Sample(url: nil, html: "<html><body><p>no url header</p></body></html>"),
    ]

    static let kalbela = """
    <!DOCTYPE html>
    <html lang="en-US">
    <head>
    <meta charset="utf-8">
    <title>রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট | কালবেলা</title>
    <meta property="og:title" content="রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট">
    <meta property="og:site_name" content="কালবেলা">
    <meta property="og:image" content="https://www.kalbela.test/uploads/news/2024/12/27/iran-russia.jpg">
    <link rel="canonical" href="https://www.kalbela.test/world/asia/152201">
    </head>
    <body>
    <header class="site-header"><nav><a href="/">প্রচ্ছদ</a> <a href="/national">জাতীয়</a> <a href="/world">আন্তর্জাতিক</a> <a href="/sports">খেলা</a></nav></header>
    <main>
    <article class="news-details">
      <div class="author-info"><span class="author-name">কালবেলা ডেস্ক</span></div>
      <div class="time-info">প্রকাশ : ২৭ ডিসেম্বর ২০২৪, ০৮:৫৩ পিএম</div>
      <div class="edition">অনলাইন সংস্করণ</div>
      <h1 class="headline">রাশিয়া সফরে যাবেন ইরানের প্রেসিডেন্ট</h1>
      <figure class="lead-image">
        <img src="/uploads/news/2024/12/27/iran-russia.jpg" alt="ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান ও রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন। ছবি : সংগৃহীত">
        <figcaption>ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান ও রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন। ছবি : সংগৃহীত</figcaption>
      </figure>
      <div class="news-content">
        <p>ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ান রাশিয়া সফরে যাবেন। সব কিছু ঠিক থাকলে আগামী বছরের জানুয়ারিতে তার মস্কো ভ্রমণের কথা রয়েছে। খবর রয়টার্সের।</p>
        <p>সফরে মাসুদ রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিনের সঙ্গে দ্বিপাক্ষিক বৈঠক করবেন। এতে দুই দেশের মধ্যে সহযোগিতামূলক চুক্তি সই হতে পারে। এ জন্য দুই দেশ এখন থেকে প্রস্তুতি নিচ্ছে।</p>
        <p>সফরের আনুষ্ঠানিকতা হিসেবে রাশিয়ান প্রতিনিধি দল পেজেশকিয়ানকে ২০২৫ সালের প্রথম দিকে মস্কো সফরের আমন্ত্রণ জানিয়েছেন। ইরানের পররাষ্ট্র মন্ত্রণালয়ের মুখপাত্র ইসমায়েল বাঘাই এর সত্যতা নিশ্চিত করেছেন।</p>
        <p>তিনি বলেছেন, জানুয়ারিতে দ্বিপাক্ষিক সফর হবে। ওই সময় চুক্তিটি স্বাক্ষরিত হবে।</p>
        <p>ইউক্রেন যুদ্ধ শুরু হওয়ার পর থেকে রাশিয়া ইরান এবং উত্তর কোরিয়ার মতো মার্কিন যুক্তরাষ্ট্রের প্রতি শত্রুভাবাপন্ন অন্যান্য দেশের সাথে ঘনিষ্ঠ সম্পর্ক গড়ে তুলে। দেশটির পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ অক্টোবরে বলেছিলেন, মস্কো ও তেহরান একটি চুক্তি স্বাক্ষর করতে চায় । যার মধ্যে ঘনিষ্ঠ প্রতিরক্ষা সহযোগিতার বিষয়টি অন্তর্ভুক্ত থাকবে।</p>
      </div>
      <div class="google-news-promo"><a href="https://news.google.com/publications/kalbela">কালবেলা অনলাইন এর সর্বশেষ খবর পেতে Google News ফিডটি অনুসরণ করুন</a></div>
      <div class="comment-box"><h3>মন্তব্য করুন</h3><form><textarea name="comment"></textarea></form></div>
    </article>
    <aside class="sidebar">
      <ul class="tabs"><li>সর্বশেষ</li><li>জনপ্রিয়</li></ul>
      <ol class="latest-news">
        <li><a href="/world/152300"><span class="num">১</span> দুই নেতার ব্যক্তিগত মেসেজ ফাঁস করে দিলেন ট্রাম্প</a></li>
        <li><a href="/national/152301"><span class="num">২</span> মালদ্বীপে প্রবাসী বাংলাদেশিদের সঙ্গে পোস্টাল ভোটবিষয়ক মতবিনিময়</a></li>
        <li><a href="/jobs/152302"><span class="num">৩</span> পার্টটাইম চাকরি দেবে এসএমসি</a></li>
        <li><a href="/national/152303"><span class="num">৪</span> সাভারে শীতার্ত মানুষের পাশে বিএনপি</a></li>
      </ol>
    </aside>
    </main>
    <footer><p>© ২০২৪ কালবেলা। সর্বস্বত্ব সংরক্ষিত।</p></footer>
    </body>
    </html>
    """

    static let english = """
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8">
    <title>City council approves new bike lanes - Example News</title>
    <meta property="og:title" content="City council approves new bike lanes">
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2024-05-03T14:20:00-04:00">
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"City council approves new bike lanes","datePublished":"2024-05-03T14:20:00-04:00","author":[{"@type":"Person","name":"Jane Doe"}],"publisher":{"@type":"Organization","name":"Example News"}}</script>
    </head><body>
    <nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sports">Sports</a></nav>
    <article>
    <h1>City council approves new bike lanes</h1>
    <p class="byline">By Jane Doe</p>
    <p>The city council voted 7-2 on Thursday to build protected bike lanes along three of the busiest avenues downtown, ending a debate that lasted more than a year.</p>
    <p>Supporters said the lanes would make cycling safer and ease traffic. Opponents worried about the loss of parking spaces for small businesses along the routes.</p>
    <h2>What happens next</h2>
    <p>Construction is expected to begin in the autumn and to take about eight months, the city's transport department said in a statement.</p>
    <div class="share">Share this article: <a href="#">Facebook</a> <a href="#">X</a></div>
    </article>
    <section class="related"><h3>Read more</h3><ul><li><a href="/a">Bus fares rise again</a></li><li><a href="/b">New park opens</a></li></ul></section>
    </body></html>
    """

    static let german = """
    <!DOCTYPE html>
    <html lang="de"><head><meta charset="utf-8"><title>Neue Brücke eröffnet | Zeitung</title>
    <meta name="author" content="Max Mustermann">
    <meta name="date" content="2024-06-05T09:30:00+02:00">
    </head><body>
    <div class="cookie-banner">Wir verwenden Cookies. <button>Akzeptieren</button></div>
    <article>
    <h1>Neue Brücke über den Fluss eröffnet</h1>
    <p class="author">Von Max Mustermann</p>
    <p>Nach zwei Jahren Bauzeit ist die neue Fußgängerbrücke am Mittwoch feierlich eröffnet worden. Hunderte Menschen kamen zur Einweihung.</p>
    <p>Die Brücke verbindet die Altstadt mit dem neuen Wohngebiet am anderen Ufer und soll täglich von mehreren tausend Menschen genutzt werden.</p>
    </article>
    <aside><h3>Meistgelesen</h3><ol><li><a href="/x">Stau auf der A7</a></li><li><a href="/y">Wetter am Wochenende</a></li></ol></aside>
    </body></html>
    """
}
