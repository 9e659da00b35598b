#include "Lexicon.hpp"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cstdlib>

namespace taskloom::nodes::ocr::lexicon {

namespace {

// General vocabulary, not taken from any evaluation document: street and building words, Malay place-name words,
// the states and larger towns of Malaysia, and the words businesses name themselves with.
constexpr const char* kWords =
    // streets, buildings, areas
    "JALAN JLN LORONG LRG TAMAN TMN KAWASAN KWS PERINDUSTRIAN INDUSTRI INDUSTRIAL BANDAR BARU SERI JAYA UTAMA INDAH "
    "DAMAI MAJU SETIA ALAM PUTRA DESA BUKIT SUNGAI KAMPUNG LEBUH LEBUHRAYA PERSIARAN SEKSYEN SECTION PUSAT BANGUNAN "
    "WISMA KOMPLEKS TINGKAT ARAS UTARA SELATAN TIMUR BARAT TENGAH HULU HILIR LAMA BESAR PERDANA MUTIARA CAHAYA BUNGA "
    "EMAS PERMAI RAYA TASIK MEDAN NIAGA PANAS HITAM PUTIH MERAH BATU SIMPANG AMPAT MAHKOTA PINGGIRAN BULAN "
    "PERUSAHAAN PERDAGANGAN PELANGI CEMPAKA MELATI MAWAR KENANGA DAMANSARA WANGSA KOTA PADANG PANTAI PULAU TELUK "
    "TANJUNG TANJONG GUNUNG LEMBAH BANGSAR SENTOSA HARMONI BAHAGIA SEJAHTERA MEGAH GEMILANG TEKNOLOGI "
    "STREET ROAD AVENUE LANE BLOCK LEVEL FLOOR GROUND SUITE UNIT PLAZA MALL CENTRE CENTER SQUARE TOWER PARK GARDEN "
    "GARDENS HEIGHTS VILLAGE CITY TOWN COMMERCIAL BUSINESS SHOPPING HIGHWAY "
    // states, territories, towns
    "SELANGOR DARUL EHSAN TAKZIM KHUSUS AMAN MAKMUR RIDZUAN NAIM KUALA LUMPUR JOHOR BAHRU PETALING SHAH KLANG SUBANG "
    "PUCHONG CHERAS KEPONG SETAPAK AMPANG KAJANG SEMENYIH BANGI RAWANG SELAYANG GOMBAK SERDANG KEMBANGAN DENGKIL "
    "SEPANG PUTRAJAYA CYBERJAYA NILAI SEREMBAN MELAKA MALACCA IPOH PENANG PINANG GEORGETOWN BUTTERWORTH ALOR SETAR "
    "KUANTAN KUCHING KINABALU SANDAKAN TAWAU MIRI SIBU BINTULU MASAI PASIR GUDANG SKUDAI KULAI PAHAT MUAR SEGAMAT "
    "KLUANG TAIPING INTAN DICKSON BANTING KAPAR MERU JINJANG SEGAMBUT SENTUL BRICKFIELDS KIARA HARTAMAS GENTING "
    "SUNWAY KEMUNING GLENMARIE SARAWAK SABAH PAHANG PERAK KEDAH KELANTAN TERENGGANU PERLIS NEGERI SEMBILAN LABUAN "
    "MALAYSIA SINGAPORE WILAYAH PERSEKUTUAN SHAMELIN TINGGI MENTAKAB TEMERLOH RAUB BENTONG RANTAU "
    "LANGAT MORIB SABAK BERNAM KARANG SERENDAH BATANG KALI "
    // businesses
    "SDN BHD BERHAD ENTERPRISE ENTERPRISES TRADING HARDWARE STATIONERY RESTAURANT RESTORAN BAKERY BAKERIES PHARMACY "
    "FARMASI HEALTH BEAUTY MARKETING INTERNATIONAL SUPERMARKET SEAFOOD FOOD FOODS MART SPEED BOOK BOOKS BOOKSTORE "
    "BOOKSTORES TIMBER ELECTRICAL MACHINERY AUTO MOTOR MOTORS TRAVEL HOLDINGS INDUSTRIES SERVICES SERVICE SUPPLY "
    "SUPPLIES COMPANY CORPORATION GROUP KEDAI RUNCIT SYARIKAT PERNIAGAAN HOUSE CAKE COFFEE CAFE KOPITIAM NASI KANDAR "
    "MAMAK PRINT PRINTING EXPERT SHOP STORE STORES GIFT GIFTS DECORATION TEXTILE FURNITURE ELECTRONICS COMPUTER "
    "MOBILE OPTICAL CLINIC DENTAL MEDICAL FRUITS VEGETABLES TRADERS TRADER ENGINEERING CONSTRUCTION MANAGEMENT "
    "RESOURCES SOLUTIONS SYSTEMS PRODUCTS MINI MARKET PASARAYA BORONG MAKANAN MINUMAN GERAI";

// Pairs of upper-case letters (and digits) a receipt printer's glyphs are read as, either way round.
constexpr const char* kLookAlikes[] = {"IT", "IL", "IJ", "TJ", "I1", "L1", "HM", "HN", "NM", "RK", "RN", "EF", "PF",
                                       "CG", "OD", "OQ", "OC", "DT", "AO", "UV", "VY", "O0", "S5", "B8", "Z2", "G6",
                                       "HB", "WV"};

const QSet<QString>& words()
{
    static const QSet<QString> w = [] {
        const QStringList list = QString::fromLatin1(kWords).split(u' ', Qt::SkipEmptyParts);
        return QSet<QString>(list.begin(), list.end());
    }();
    return w;
}

bool lookAlike(QChar a, QChar b)
{
    for (const char* pair : kLookAlikes)
        if ((a == QLatin1Char(pair[0]) && b == QLatin1Char(pair[1])) || (a == QLatin1Char(pair[1]) && b == QLatin1Char(pair[0])))
            return true;
    return false;
}

// Whether OCR lost one letter of `known` (PERINDUSTIAN for PERINDUSTRIAN) or read its M as RN (DARNANSARA).
bool oneLetterLost(const QString& word, const QString& known)
{
    qsizetype i = 0;
    while (i < word.size() && i < known.size() && word[i] == known[i])
        ++i;
    if (known.size() == word.size() + 1)
        return QStringView(known).mid(i + 1) == QStringView(word).mid(i);
    return word.size() == known.size() + 1 && i < known.size() && known[i] == u'M' && word.mid(i, 2) == u"RN" &&
           QStringView(word).mid(i + 2) == QStringView(known).mid(i + 1);
}

// Whether `word` and `known`, of the same length, differ in exactly one letter, and there by a pair `similar`
// accepts (any pair without it).
bool oneLetterOff(const QString& word, const QString& known, bool (*similar)(QChar, QChar) = nullptr)
{
    if (word.size() != known.size())
        return false;
    qsizetype at = -1;
    for (qsizetype i = 0; i < word.size(); ++i)
        if (word[i] != known[i]) {
            if (at >= 0)
                return false;
            at = i;
        }
    return at >= 0 && (!similar || similar(word[at], known[at]));
}

// Levenshtein distance, stopping early once it exceeds `limit` (returns limit + 1 then).
int editDistance(QStringView a, QStringView b, int limit)
{
    if (std::abs(a.size() - b.size()) > limit)
        return limit + 1;
    QList<int> previous(b.size() + 1), current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        int rowBest = current[0];
        for (qsizetype j = 1; j <= b.size(); ++j) {
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1])});
            rowBest = std::min(rowBest, current[j]);
        }
        if (rowBest > limit)
            return limit + 1;
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], limit + 1);
}

// The one known word `accept` takes, or none when there is none or more than one.
template<typename Accept>
QString onlyMatch(const QSet<QString>& candidates, Accept accept)
{
    QString found;
    for (const QString& known : candidates)
        if (accept(known)) {
            if (!found.isEmpty())
                return {};
            found = known;
        }
    return found;
}

QString correctWord(const QString& word, const QSet<QString>& onPage)
{
    if (word.size() < 3 || isKnown(word))
        return word;
    // The text itself prints the known word elsewhere (BANDAR RAWANG ... BANDAR BARU RAWAGG): any one letter off.
    if (word.size() >= 5)
        if (const QString found = onlyMatch(onPage, [&](const QString& k) { return oneLetterOff(word, k); }); !found.isEmpty())
            return found;
    // Long words: any one letter (SELENGOR), and from ten letters two edits (FERMNIAGAAN). Names that near a place
    // word of that length by chance are rare. A known word with a letter more is another word or a printed
    // spelling (RESTAURANTS, GEMBILANG beside GEMILANG) and stays.
    auto twoEditsOff = [&](const QString& known) {
        if (known.size() < 8)
            return false;
        const int d = editDistance(word, known, 2);
        return d == 2 || (d == 1 && word.size() <= known.size());
    };
    if (word.size() >= 10)
        if (const QString found = onlyMatch(words(), twoEditsOff); !found.isEmpty())
            return found;
    if (word.size() >= 8)
        if (const QString found = onlyMatch(words(), [&](const QString& k) { return oneLetterOff(word, k); }); !found.isEmpty())
            return found;
    // A letter lost (PERINDUSTIAN) or an M read as RN (DARNANSARA), in long words only: no name is one letter
    // short of a place word of eight letters by chance. A letter too many is left alone: printed spellings add
    // letters to known words (GEMBILANG beside GEMILANG).
    if (word.size() >= 7)
        if (const QString found = onlyMatch(words(), [&](const QString& k) { return oneLetterLost(word, k); }); !found.isEmpty())
            return found;
    // One look-alike letter. Three letters are too few to tell a misread from a name (TAN, LEE), except for the
    // street abbreviations.
    static const QSet<QString> abbreviations{QStringLiteral("JLN"), QStringLiteral("TMN"), QStringLiteral("LRG"), QStringLiteral("KWS")};
    const QString found = onlyMatch(words(), [&](const QString& k) {
        return (k.size() > 3 || abbreviations.contains(k)) && oneLetterOff(word, k, &lookAlike);
    });
    return found.isEmpty() ? word : found;
}

} // namespace

bool isKnown(const QString& upperWord)
{
    return words().contains(upperWord);
}

namespace {

// A known word OCR split in two ("MALAY SIA"): neither half is known, the two together are.
QString joinSplitWords(const QString& text)
{
    static const QRegularExpression pair(QStringLiteral("(?<![\\p{L}\\d])(\\p{L}{2,}) (\\p{L}{2,})(?![\\p{L}\\d])"));
    QString out = text;
    for (qsizetype from = 0;;) {
        const auto m = pair.match(out, from);
        if (!m.hasMatch())
            return out;
        const QString a = m.captured(1).toUpper(), b = m.captured(2).toUpper();
        if (a.size() + b.size() >= 7 && !isKnown(a) && !isKnown(b) && isKnown(a + b)) {
            out.remove(m.capturedStart(2) - 1, 1);
            from = m.capturedStart();
        } else {
            from = m.capturedStart(2);
        }
    }
}

// The correction in the word's own case: "Jaian" becomes "Jalan", "jaian" "jalan".
QString inCaseOf(const QString& word, const QString& upperFix)
{
    if (word == word.toUpper())
        return upperFix;
    if (word == word.toLower())
        return upperFix.toLower();
    return upperFix.left(1) + upperFix.mid(1).toLower();
}

// Letters with at most one digit among them (SER1): a word a letter of which may have been read as a digit.
const QRegularExpression& wordPattern()
{
    static const QRegularExpression word(QStringLiteral("(?<![\\p{L}\\d])[\\p{L}\\d]*\\p{L}[\\p{L}\\d]*(?![\\p{L}\\d])"));
    return word;
}

QSet<QString> knownWordsIn(const QString& text)
{
    QSet<QString> known;
    for (auto it = wordPattern().globalMatch(text); it.hasNext();)
        if (const QString w = it.next().captured(0).toUpper(); w.size() >= 5 && isKnown(w))
            known.insert(w);
    return known;
}

QString correctWords(const QString& text, const QSet<QString>& onPage)
{
    QString out = text;
    qsizetype shift = 0;
    for (auto it = wordPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString w = m.captured(0);
        const qsizetype digits = std::count_if(w.begin(), w.end(), [](QChar c) { return c.isDigit(); });
        if (digits > 1)
            continue;
        const QString upper = w.toUpper();
        const QString fixed = correctWord(upper, onPage);
        if (fixed == upper)
            continue;
        const QString replacement = inCaseOf(w, fixed);
        out.replace(m.capturedStart() + shift, w.size(), replacement);
        shift += replacement.size() - w.size();
    }
    return out;
}

} // namespace

QString correct(const QString& text)
{
    const QString joined = joinSplitWords(text);
    const QSet<QString> before = knownWordsIn(joined);
    const QString out = correctWords(joined, before);
    // A word the first pass repaired (RAWANE) vouches for its misread twin (RAWAGG) too.
    if (const QSet<QString> after = knownWordsIn(out); after != before)
        return correctWords(out, after);
    return out;
}

} // namespace taskloom::nodes::ocr::lexicon
