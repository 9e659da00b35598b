"""Receipt-like text lines for training Tesseract on till receipts.

Every line is generated from general vocabularies and random numbers: shop names made of common words and
syllables, street addresses built from Malaysian street and place words, registration and tax numbers, items,
amounts, dates, times and the usual footer phrases. Nothing here is taken from an evaluation document.
"""

import random

STREET = ("JALAN JLN LORONG LRG TAMAN TMN KAWASAN KWS PERSIARAN LEBUH LEBUHRAYA SEKSYEN BANDAR BARU PUSAT BANGUNAN "
          "WISMA KOMPLEKS PLAZA MALL CENTRE JLN. TMN. KG. KAMPUNG BATU SIMPANG").split()
PLACE = ("SERI JAYA UTAMA INDAH DAMAI MAJU SETIA ALAM PUTRA DESA BUKIT SUNGAI UTARA SELATAN TIMUR BARAT TENGAH HULU "
         "LAMA BESAR PERDANA MUTIARA CAHAYA BUNGA EMAS PERMAI RAYA TASIK MEDAN NIAGA PANAS HITAM PUTIH MERAH AMPAT "
         "MAHKOTA PINGGIRAN BULAN PERUSAHAAN PERDAGANGAN PELANGI CEMPAKA MELATI MAWAR KENANGA DAMANSARA WANGSA KOTA "
         "PADANG PANTAI PULAU TELUK TANJUNG GUNUNG LEMBAH SENTOSA HARMONI BAHAGIA SEJAHTERA MEGAH GEMILANG TEKNOLOGI "
         "PERINDUSTRIAN INDUSTRI MELUR DAHLIA SAUJANA IMPIAN AMAN BAYU MEGA SURIA CEMERLANG SRI BERSATU KENARI "
         "MERPATI RAJAWALI BELATUK MERBAU MERANTI CENDANA SEROJA KEMUNING ANGSANA TEMBUSU").split()
TOWN = ("KUALA LUMPUR|PETALING JAYA|SHAH ALAM|KLANG|SUBANG JAYA|PUCHONG|CHERAS|KEPONG|SETAPAK|AMPANG|KAJANG|SEMENYIH|"
        "BANGI|RAWANG|SELAYANG|GOMBAK|SERI KEMBANGAN|DENGKIL|SEPANG|PUTRAJAYA|CYBERJAYA|NILAI|SEREMBAN|MELAKA|IPOH|"
        "GEORGETOWN|BUTTERWORTH|ALOR SETAR|KUANTAN|KUCHING|KOTA KINABALU|SANDAKAN|MIRI|SIBU|JOHOR BAHRU|MASAI|"
        "PASIR GUDANG|SKUDAI|KULAI|BATU PAHAT|MUAR|SEGAMAT|KLUANG|TAIPING|BANTING|BALAKONG|SUNGAI BULOH|KAPAR|"
        "SENTUL|SEGAMBUT|BANDAR BARU BANGI|PORT DICKSON|TEMERLOH|BENTONG|RAUB|SELAYANG JAYA|SRI PETALING|BUKIT JALIL|"
        "MENTAKAB|SUNGAI PETANI|KULIM|TELUK INTAN|LUMUT|KAMPAR|SITIAWAN").split("|")
STATE = ("SELANGOR|SELANGOR DARUL EHSAN|KUALA LUMPUR|JOHOR|JOHOR DARUL TAKZIM|PERAK|PAHANG|KEDAH|MELAKA|SABAH|SARAWAK|"
         "PULAU PINANG|PENANG|NEGERI SEMBILAN|KELANTAN|TERENGGANU|PERLIS|W.P. KUALA LUMPUR|WILAYAH PERSEKUTUAN|"
         "MALAYSIA").split("|")
BUSINESS = ("ENTERPRISE ENTERPRISES TRADING HARDWARE STATIONERY RESTAURANT RESTORAN BAKERY BAKERIES PHARMACY FARMASI "
            "HEALTH BEAUTY MARKETING INTERNATIONAL SUPERMARKET SEAFOOD FOOD FOODS MART BOOK BOOKS BOOKSTORE TIMBER "
            "ELECTRICAL MACHINERY AUTO MOTOR TRAVEL HOLDINGS INDUSTRIES SERVICES SUPPLY SUPPLIES COMPANY CORPORATION "
            "GROUP KEDAI RUNCIT SYARIKAT PERNIAGAAN HOUSE CAKE COFFEE CAFE KOPITIAM NASI KANDAR MAMAK PRINTING SHOP "
            "STORE GIFT DECORATION TEXTILE FURNITURE ELECTRONICS COMPUTER MOBILE OPTICAL CLINIC FRUITS TRADERS "
            "ENGINEERING HYPERMARKET MINI MARKET PASARAYA BORONG MAKANAN MINUMAN STEAMBOAT BISTRO KITCHEN LAUNDRY "
            "TOOLS PAINT GLASS ALUMINIUM TILES PLASTIC PACKAGING DISTRIBUTOR AGENCY CHEMICAL PETROLEUM").split()
SYLLABLE = ("AH AIK BAN BOON CHAI CHAN CHEE CHEN CHEONG CHIN CHOO CHONG CHOW FATT FOO FOOK GUAN HAI HENG HIN HING HOCK "
            "HONG HOO HUAT KAH KEAT KEE KENG KHOO KIAN KIM KOK KONG KOON LAI LAM LEE LEONG LIAN LIM LING LOKE LOONG LOW "
            "MENG MING MOK NAM NG ONG PENG POH SENG SHENG SIANG SIEW SOON SOO TAN TECK TEE TENG THYE TIAN TONG WAH WAI "
            "WEE WENG WING WONG YAP YEE YEN YEW YONG YUEN ALI ABU AMIN AZMAN HASSAN ISMAIL KUMAR MUTHU RAJA RAMAN SINGH "
            "SAMY OMAR YUSOF ZAINAL ROSLI HAMID").split()
WORDS = ("BEST GOLDEN STAR SUN MOON LUCKY HAPPY GREEN ROYAL GRAND CITY NEW OLD UNITED UNIVERSAL GLOBAL PRIME SUPER "
         "SMART FRESH FAMILY PEOPLE PEOPLES FRIENDS EAST WEST NORTH SOUTH ORIENTAL PACIFIC OCEAN RIVER HILL VALLEY "
         "DRAGON PHOENIX TIGER LION EAGLE LOTUS JADE PEARL DIAMOND CROWN EMPIRE HOME MASTER POPULAR ONE TWO THREE "
         "DAILY SPEED QUICK CLEAN BRIGHT PERFECT FOREVER EVERGREEN SILVER CRYSTAL SUNRISE SUNSHINE RAINBOW").split()
LEGAL = ["SDN BHD", "SDN. BHD.", "SDN BHD", "SDN. BHD", "S/B", "BHD", "ENTERPRISE", "TRADING", "(M) SDN BHD",
         "SDN BHD", "PLT", "& CO", "CO. (M) SDN BHD"]
ITEM = ("RICE CHICKEN FISH BEEF MUTTON PRAWN EGG NOODLE MEE BIHUN KUEY TEOW SOUP TEA COFFEE MILO KOPI TEH ICE HOT "
        "COLD LIME ORANGE APPLE BANANA WATER MINERAL SUGAR SALT OIL FLOUR BREAD BUN CAKE ROTI CANAI NASI LEMAK GORENG "
        "AYAM IKAN SAYUR TELUR SOTONG UDANG DAGING KAMBING SPICY SWEET SOUR FRIED STEAMED ROASTED BBQ SET MEAL COMBO "
        "LARGE SMALL MEDIUM REGULAR PACK BOX BAG BOTTLE CAN TIN PCS PC SCREW NAIL BOLT NUT WASHER HOOK TAPE GLUE "
        "PAINT BRUSH ROLLER HAMMER DRILL BIT SAW CUTTER KNIFE SCISSORS RULER PEN PENCIL ERASER PAPER A4 A5 FILE FOLDER "
        "NOTEBOOK ENVELOPE STAPLER MARKER CRAYON COLOUR BATTERY BULB LED LAMP SWITCH SOCKET PLUG CABLE WIRE EXTENSION "
        "HOSE PIPE TAP VALVE FILTER SPONGE CLOTH TOWEL TISSUE SOAP SHAMPOO DETERGENT BLEACH BROOM MOP BUCKET BASIN "
        "CONTAINER CUP PLATE BOWL SPOON FORK CHOPSTICK TRAY RACK HANGER CLIP BASKET GARBAGE PLASTIC STAINLESS STEEL "
        "ALUMINIUM WOODEN GLASS RUBBER WHITE BLACK RED BLUE YELLOW GREY BROWN PINK PURPLE CLEAR ASSORTED MIX "
        "CHARGER ADAPTER HOLDER STAND MAT COVER CASE REFILL SPRAY WIPES CREAM LOTION BABY KIDS").split()
UNITS = ["1L", "500ML", "250G", "1KG", "900G", "2PCS", "3PCS", "10PCS", "12S", "20S", "6'S", "5KG", "330ML", "1.5L",
         "100G", "50M", "1/2\"", "3/4\"", "12MM", "8X10"]
HEADING = ["TAX INVOICE", "-INVOICE-", "INVOICE", "RECEIPT", "OFFICIAL RECEIPT", "CASH SALE", "CASH BILL",
           "SIMPLIFIED TAX INVOICE", "CASH RECEIPT", "TAX INVOICE (ABB)", "*** COPY ***", "BILL", "SALES RECEIPT",
           "** TAX INVOICE **", "CHECK", "DINE IN", "TAKE AWAY"]
FOOTER = ["THANK YOU", "THANK YOU. PLEASE COME AGAIN", "THANK YOU & PLEASE COME AGAIN", "GOODS SOLD ARE NOT RETURNABLE",
          "GOODS SOLD ARE NOT RETURNABLE & REFUNDABLE", "EXCHANGE ARE ALLOWED WITHIN", "7 DAYS WITH RECEIPT.",
          "STRICTLY NO CASH REFUND.", "PLEASE KEEP THIS RECEIPT", "FOR ANY ENQUIRIES", "HAVE A NICE DAY",
          "THIS IS A COMPUTER GENERATED RECEIPT", "SERVICE CHARGE NOT INCLUDED", "PRICES INCLUSIVE OF GST",
          "THE GOODS ARE NOT EXCHANGEABLE", "TERIMA KASIH", "SILA DATANG LAGI", "NO SIGNATURE REQUIRED",
          "CUSTOMER COPY", "MERCHANT COPY", "POWERED BY", "FOLLOW US ON FACEBOOK", "WIFI PASSWORD"]
LABEL = ["TOTAL", "SUB TOTAL", "SUBTOTAL", "SUB-TOTAL", "TOTAL SALES", "TOTAL SALES (INCLUSIVE OF GST)", "GRAND TOTAL",
         "NET TOTAL", "TOTAL AMOUNT", "TOTAL INCL. GST", "TOTAL (INCL GST)", "ROUNDING", "ROUNDING ADJ",
         "ROUNDING ADJUSTMENT", "TOTAL ROUNDED", "ROUNDED TOTAL", "CASH", "CHANGE", "CHANGE DUE", "TENDER", "PAID",
         "GST 6%", "GST @6%", "TOTAL GST", "SST 6%", "SERVICE CHARGE 10%", "DISCOUNT", "TOTAL QTY", "TOTAL ITEMS",
         "AMOUNT", "AMT", "BALANCE", "VISA", "MASTERCARD", "CREDIT CARD", "DEBIT CARD", "E-WALLET", "TOTAL DISCOUNT",
         "TOTAL SAVINGS", "NETT TOTAL", "JUMLAH", "TUNAI", "BAKI"]
META = ["INVOICE NO", "INV NO", "RECEIPT NO", "RECEIPT #", "BILL NO", "DOC NO", "SLIP NO", "CHECK NO", "ORDER NO",
        "TRANS NO", "CASHIER", "SALESPERSON", "TABLE", "TERMINAL", "POS", "COUNTER", "STAFF", "SERVER", "PAX",
        "MEMBER", "CUSTOMER", "REF NO", "TRN", "STORE", "SHIFT", "OPERATOR"]
DATE_LABEL = ["DATE", "DATE", "DATE/TIME", "TARIKH", "DATE & TIME", "BILL DATE", "INVOICE DATE", "DATE ISSUED"]
MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()


def rnd(n, digits="0123456789"):
    return "".join(random.choice(digits) for _ in range(n))


def amount(big=False):
    value = random.choice([random.uniform(0.1, 20), random.uniform(1, 150), random.uniform(10, 2000 if big else 600)])
    return "%.2f" % value


def money(big=False):
    a = amount(big)
    return random.choice(["", "", "RM", "RM ", "RM", "$"]) + a


def date():
    d, m, y = random.randint(1, 28 if random.random() < 0.3 else 31), random.randint(1, 12), random.randint(2014, 2026)
    sep = random.choice("/-/.-/")
    fmt = random.random()
    if fmt < 0.45:
        return "%02d%s%02d%s%04d" % (d, sep, m, sep, y)
    if fmt < 0.75:
        return "%02d%s%02d%s%02d" % (d, sep, m, sep, y % 100)
    if fmt < 0.85:
        return "%02d %s %04d" % (d, random.choice(MONTHS), y)
    if fmt < 0.92:
        return "%04d-%02d-%02d" % (y, m, d)
    return "%d%s%d%s%04d" % (d, sep, m, sep, y)


def time_of_day():
    h, m, s = random.randint(0, 23), random.randint(0, 59), random.randint(0, 59)
    f = random.random()
    if f < 0.4:
        return "%02d:%02d" % (h, m)
    if f < 0.75:
        return "%02d:%02d:%02d" % (h, m, s)
    return "%d:%02d%s" % ((h % 12) or 12, m, random.choice(["AM", "PM", " AM", " PM"]))


def reg_no():
    return random.choice([rnd(6) + "-" + random.choice("ABCDHKMPTUVWX"), rnd(7) + "-" + random.choice("ADKMPTUVX"),
                          rnd(12), "SA" + rnd(7) + "-" + random.choice("ADHKPTUX"), rnd(4) + rnd(8),
                          "JM" + rnd(7) + "-" + random.choice("ADHKPTUX")])


def phone():
    return random.choice(["03-" + rnd(4) + " " + rnd(4), "03-" + rnd(8), "0" + rnd(2) + "-" + rnd(7),
                          "01" + rnd(1) + "-" + rnd(3) + " " + rnd(4), "+60" + rnd(2) + "-" + rnd(7),
                          "0" + rnd(1) + "-" + rnd(3) + " " + rnd(4), "1-300-" + rnd(2) + "-" + rnd(4)])


def name_words(n):
    out = []
    for _ in range(n):
        out.append(random.choice(SYLLABLE) if random.random() < 0.5 else random.choice(WORDS))
    return out


def company():
    words = name_words(random.randint(1, 3))
    if random.random() < 0.6:
        words.append(random.choice(BUSINESS))
    if random.random() < 0.2:
        words.insert(0, random.choice(["MR", "MR.", "THE", "KEDAI", "RESTORAN", "SYARIKAT", "PERNIAGAAN", "99", "7",
                                       "AEON", "TOKO"]))
    if random.random() < 0.15:
        words.append("(%s)" % random.choice(PLACE + TOWN[:10]))
    if random.random() < 0.7:
        words.append(random.choice(LEGAL))
    if random.random() < 0.2:
        words.append("(%s)" % reg_no())
    return " ".join(words)


def house():
    f = random.random()
    if f < 0.3:
        return random.choice(["NO", "NO.", "NO. ", "NO "]) + str(random.randint(1, 300)) + random.choice(
            ["", "", "A", "B", "G", "-G", "-1", "-A"])
    if f < 0.5:
        a = random.randint(1, 9999)
        return "LOT %d%s" % (a, random.choice(["", "", "-A", "-B", " & %d" % (a + 1), "-A & %d-B" % a]))
    if f < 0.6:
        return "LOT P.T. %d" % random.randint(100, 99999)
    if f < 0.7:
        return "%s-%d-%d" % (random.choice("ABCDEGL"), random.randint(1, 30), random.randint(1, 20))
    if f < 0.8:
        return random.choice(["LEVEL ", "LG", "G", "F", "UNIT ", "LOT F"]) + str(random.randint(1, 300)) + random.choice(
            ["", "A", "B"])
    return str(random.randint(1, 300)) + random.choice(["", "", "A", "-1", "-G", "B"])


def street():
    parts = [random.choice(["JALAN", "JALAN", "JLN", "JLN.", "LORONG", "PERSIARAN", "LEBUH"])]
    f = random.random()
    if f < 0.35:
        parts.append(random.choice(PLACE))
        if random.random() < 0.5:
            parts.append(random.choice(PLACE))
    if f >= 0.25 or random.random() < 0.5:
        code = random.choice(["%d" % random.randint(1, 30), "%d/%d" % (random.randint(1, 30), random.randint(1, 99)),
                              "SS %d/%d" % (random.randint(1, 26), random.randint(1, 60)),
                              "SS%d/%d" % (random.randint(1, 26), random.randint(1, 60)),
                              "%s%d/%d%s" % (random.choice(["U", "PJU ", "PJS ", "BP ", "SR ", "USJ ", "TPP "]),
                                             random.randint(1, 15), random.randint(1, 60), random.choice(["", "A", "B", "D"])),
                              "%s %d" % (random.choice(["KPB", "PBS", "TSB", "BK", "PU", "IMPIAN"]), random.randint(1, 12))])
        parts.append(code)
    return " ".join(parts)


def area():
    lead = random.choice(["TAMAN", "TMN", "BANDAR", "KAWASAN PERINDUSTRIAN", "TAMAN PERINDUSTRIAN", "SEKSYEN", "KG.",
                          "KAMPUNG", "DESA", "PUSAT PERNIAGAAN", "BANDAR BARU"])
    if lead == "SEKSYEN":
        return "SEKSYEN %d" % random.randint(1, 30)
    return lead + " " + " ".join(random.choice(PLACE) for _ in range(random.randint(1, 2)))


def postcode_town():
    return "%05d %s" % (random.randint(10000, 98999), random.choice(TOWN))


def address_line():
    sep = random.choice([", ", ", ", ",", " , ", " "])
    f = random.random()
    if f < 0.25:
        parts = [house(), street()]
    elif f < 0.45:
        parts = [area()]
    elif f < 0.7:
        parts = [postcode_town()]
        if random.random() < 0.6:
            parts.append(random.choice(STATE))
    elif f < 0.85:
        parts = [street(), area()]
    else:
        parts = [house(), street(), area()]
    line = sep.join(parts)
    if random.random() < 0.5:
        line += random.choice([",", ".", ""])
    return line


def item_line():
    words = [random.choice(ITEM) for _ in range(random.randint(1, 4))]
    if random.random() < 0.3:
        words.append(random.choice(UNITS))
    desc = " ".join(words)
    f = random.random()
    if f < 0.25:
        return desc
    if f < 0.4:
        return rnd(random.choice([8, 12, 13]))
    q = random.randint(1, 12)
    price = amount()
    total = "%.2f" % (q * float(price))
    tax = random.choice(["", "", " SR", " ZR", " S", " T", " Z"])
    forms = ["%d X %s %s%s" % (q, price, total, tax), "%d @ %s %s%s" % (q, price, total, tax),
             "%s %d %s %s" % (desc, q, price, total), "%s %s%s" % (desc, total, tax),
             "%s %d X %s" % (rnd(13), q, price), "%d %s %s" % (q, desc, total), "%s %s" % (desc, money())]
    return random.choice(forms)


def labelled_amount():
    label = random.choice(LABEL)
    sep = random.choice([" ", " : ", ": ", "  ", " RM ", " (RM) "])
    value = money(big=True)
    if "ROUND" in label and random.random() < 0.7:
        value = random.choice(["-", ""]) + "0.0" + str(random.randint(0, 4))
    return label + sep + value


def meta_line():
    f = random.random()
    if f < 0.3:
        label = random.choice(DATE_LABEL)
        return label + random.choice([" : ", ": ", " ", ":"]) + date() + random.choice(["", " " + time_of_day(), "  " + time_of_day()])
    if f < 0.45:
        return date() + " " + time_of_day() + random.choice(["", " " + random.choice(META) + " " + rnd(4)])
    label = random.choice(META)
    value = random.choice([rnd(random.randint(3, 10)), random.choice("ABCDEFGHJKRST") + rnd(random.randint(5, 9)),
                           "%s/%s/%s" % (rnd(5), rnd(3), "T" + rnd(4)), " ".join(name_words(random.randint(1, 2))),
                           random.choice(["A", "B", "C", "T"]) + rnd(2), "POS" + rnd(1)])
    return label + random.choice([" : ", ": ", " ", " #", ":", " .: "]) + value


def contact_line():
    f = random.random()
    if f < 0.45:
        return random.choice(["TEL", "TEL:", "TEL :", "TEL NO", "PHONE", "H/P", "FAX", "TEL/FAX", "T", "HP"]) + \
            random.choice([" : ", ": ", " ", ":"]) + phone() + random.choice(["", " / " + rnd(8), " FAX : " + phone()])
    if f < 0.8:
        return random.choice(["GST ID", "GST REG NO", "GST NO", "GST ID NO", "CO. REG", "COMPANY REG NO", "CO REG NO",
                              "ROC NO", "BR NO", "SST ID", "(CO. REG", "REG NO", "BUSINESS REG. NO"]) + \
            random.choice([" : ", ": ", " ", ":", " . "]) + reg_no() + random.choice(["", ")", "."])
    return random.choice(["WWW.", "EMAIL: ", "E-MAIL : "]) + "".join(random.choice(SYLLABLE)).lower() + \
        random.choice([".COM.MY", ".COM", "@GMAIL.COM", ".MY"])


def summary_line():
    code = random.choice(["SR", "ZR", "S", "Z", "T", "SR @ 6%", "ZRL", "TX"])
    return "%s%s %s %s" % (code, random.choice(["", " @ 6%", " = 6%", " 6%", " @0.00%"]), amount(), amount())


GENERATORS = [(company, 10), (address_line, 18), (contact_line, 8), (lambda: random.choice(HEADING), 3),
              (meta_line, 12), (item_line, 20), (labelled_amount, 14), (summary_line, 3),
              (lambda: random.choice(FOOTER), 4)]


def case_variant(line):
    f = random.random()
    if f < 0.72:
        return line
    if f < 0.92:
        # Title case as many printers print addresses and names ("No.3, Jalan SS21/39").
        return " ".join(w[:1] + w[1:].lower() if w.isalpha() else w.capitalize() if w[:1].isalpha() else w
                        for w in line.split(" "))
    return line.lower()


def code():
    """Product codes, terminal ids and the like: letters, digits and separators in no fixed pattern."""
    parts = []
    for _ in range(random.randint(1, 5)):
        alphabet = random.choice(["ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"])
        parts.append("".join(random.choice(alphabet) for _ in range(random.randint(1, 7))))
    out = parts[0]
    for p in parts[1:]:
        out += random.choice([" ", " ", "-", "/", " - ", ".", ":", " / ", "#", "*"]) + p
    return out


def punctuate(text):
    """Punctuation where the generators would not put it, so that the model reads it off the page instead of
    expecting it: a comma, full stop or colon after a word, with or without the space after it."""
    words = text.split(" ")
    for i in range(len(words) - 1):
        if random.random() < 0.1 and words[i][-1:].isalnum():
            words[i] += random.choice([",", ",", ".", ".", ":", ";", "-", ")"])
            if random.random() < 0.3:
                words[i] += "\0"
    return " ".join(words).replace("\0 ", "")


GENERATORS.append((code, 6))


def line():
    generators, weights = zip(*GENERATORS)
    text = random.choices(generators, weights)[0]()
    text = " ".join(text.split())
    if random.random() < 0.5:
        text = punctuate(text)
    return case_variant(text)


if __name__ == "__main__":
    import sys
    random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 40):
        print(line())
