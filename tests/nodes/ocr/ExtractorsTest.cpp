#include "OcrTestSupport.hpp"

#include "nodes/ocr/IdCardExtractor.hpp"
#include "nodes/ocr/InvoiceExtractor.hpp"
#include "nodes/ocr/Lexicon.hpp"
#include "nodes/ocr/Normalize.hpp"
#include "nodes/ocr/ReceiptExtractor.hpp"

#include <gtest/gtest.h>

using namespace taskloom::nodes::ocr;
using taskloom::tests::documentOf;

TEST(ReceiptExtractor, HeaderDateAndTotalsFromLines)
{
    const Extraction ex = ReceiptExtractor().extract(documentOf({
        QStringLiteral("GOLDEN LEAF TRADING SDN BHD (123456-K)"),
        QStringLiteral("NO 12, JALAN MAWAR 3,"),
        QStringLiteral("TAMAN BUNGA, 43000 KAJANG, SELANGOR"),
        QStringLiteral("TEL: 03-8737 1234"),
        QStringLiteral("TAX INVOICE"),
        QStringLiteral("DATE: 05/06/2018 14:03"),
        QStringLiteral("RICE 2 x 3.50 7.00"),
        QStringLiteral("TEA 1 2.50 2.50"),
        QStringLiteral("SUBTOTAL 9.50"),
        QStringLiteral("GST 6% 0.57"),
        QStringLiteral("TOTAL 10.07"),
        QStringLiteral("ROUNDED TOTAL RM 10.05"),
        QStringLiteral("CASH 20.00"),
        QStringLiteral("CHANGE 9.95"),
        QStringLiteral("Subtotai: 9.50"),   // misread, and a payment line: neither is an item
        QStringLiteral("Payment : 20.00"),
    }));
    EXPECT_EQ(ex.get(QStringLiteral("merchantName")).value, u"GOLDEN LEAF TRADING SDN BHD");
    EXPECT_EQ(ex.get(QStringLiteral("merchantAddress")).value, u"NO 12, JALAN MAWAR 3, TAMAN BUNGA, 43000 KAJANG, SELANGOR");
    EXPECT_EQ(ex.get(QStringLiteral("phone")).value, u"0387371234");
    EXPECT_EQ(ex.get(QStringLiteral("date")).value, u"2018-06-05");
    EXPECT_EQ(ex.get(QStringLiteral("date")).raw, u"05/06/2018");
    EXPECT_EQ(ex.get(QStringLiteral("time")).value, u"14:03:00");
    EXPECT_EQ(ex.get(QStringLiteral("total")).value, u"10.05"); // the rounded total wins
    EXPECT_EQ(ex.get(QStringLiteral("subtotal")).value, u"9.50");
    EXPECT_EQ(ex.get(QStringLiteral("tax")).value, u"0.57");
    EXPECT_EQ(ex.get(QStringLiteral("currency")).value, u"MYR");
    EXPECT_EQ(ex.get(QStringLiteral("paymentMethod")).value, u"CASH");
    ASSERT_EQ(ex.lineItems.size(), 2);
    EXPECT_EQ(ex.lineItems[0][0].second.value, u"RICE");
    EXPECT_TRUE(ex.flags.isEmpty()) << ex.flags.join(u';').toStdString();
    EXPECT_FALSE(ex.get(QStringLiteral("total")).box.isEmpty());
}

TEST(ReceiptExtractor, LineItemsInTheLayoutsTillsPrint)
{
    using namespace Qt::StringLiterals;
    auto items = [](QStringList body) {
        body.prepend(QStringLiteral("DATE 01/02/2018"));
        body.prepend(QStringLiteral("CORNER HARDWARE SDN BHD"));
        const Extraction ex = ReceiptExtractor().extract(documentOf(body));
        QStringList out;
        for (const FieldList& row : ex.lineItems) {
            QStringList cells;
            for (const auto& [name, field] : row)
                cells << name + u'=' + field.value;
            out << cells.join(u'|');
        }
        return std::pair{out, ex.flags};
    };
    // The name above a barcode line with the numbers, a stock code between them; the first item's name may stand
    // above where the header ends.
    auto [barcodes, flags] = items({QStringLiteral("ECO AUTO WASH 1L"), QStringLiteral("WA44-A - 12"),
                                    QStringLiteral("9555916500126 1 X 4.62 4.62"), QStringLiteral("HANDKERCHIEF 2PCS"),
                                    QStringLiteral("PI12 - 6/300"), QStringLiteral("9090822 2 X 4.50 9.00"),
                                    QStringLiteral("Item(s) : 2 Qty(s) : 3"), QStringLiteral("TOTAL RM 13.62"),
                                    QStringLiteral("SR @ 6% 12.85 0.77")});
    EXPECT_EQ(barcodes, (QStringList{u"description=ECO AUTO WASH 1L|quantity=1|unitPrice=4.62|amount=4.62"_s,
                                     u"description=HANDKERCHIEF 2PCS|quantity=2|unitPrice=4.50|amount=9.00"_s}));
    EXPECT_TRUE(flags.isEmpty()) << flags.join(u';').toStdString();
    // A quantity line under its item, currency before every amount, a leading quantity with @, a discount; column
    // headings, a tax summary and what follows the total are no items.
    auto [mixed, mixedFlags] = items({QStringLiteral("Qty Description Price Total"), QStringLiteral("2651 MUNCHYS CRACKER RM 8.38"),
                                      QStringLiteral("@2 X RM 4.19"), QStringLiteral("2 FISHBALL NOODLE @7.00 14.00"),
                                      QStringLiteral("DISC 10% -1.40"), QStringLiteral("S: Standard 6% 39.58 2.37"),
                                      QStringLiteral("SUBTOTAL 20.98"), QStringLiteral("CHANGE 0.00"), QStringLiteral("EXTRA 1.00")});
    EXPECT_EQ(mixed, (QStringList{u"description=2651 MUNCHYS CRACKER|quantity=2|unitPrice=4.19|amount=8.38"_s,
                                  u"description=FISHBALL NOODLE|quantity=2|unitPrice=7.00|amount=14.00"_s,
                                  u"description=DISC 10%|amount=-1.40"_s}));
    EXPECT_TRUE(mixedFlags.isEmpty()) << mixedFlags.join(u';').toStdString();
    // A quantity line that does not multiply out to the item above is no part of it, nor an item of its own.
    auto [odd, oddFlags] = items({QStringLiteral("2651 MUNCHYS CRACKER RM 8.38"), QStringLiteral("@3 X RM 4.19"),
                                  QStringLiteral("TOTAL 8.38")});
    EXPECT_EQ(odd, QStringList{u"description=2651 MUNCHYS CRACKER|amount=8.38"_s});
    // The header's last lines, the operator and the address are no item's name.
    const Extraction one = ReceiptExtractor().extract(documentOf({
        QStringLiteral("HARDWARE MART SDN BHD"), QStringLiteral("LOT 18, JALAN KPB 6,"), QStringLiteral("43300 SERI KEMBANGAN, SELANGOR"),
        QStringLiteral("(SUNNY MALL)"), QStringLiteral("-TAX INVOICE-"), QStringLiteral("16-10-17 15:16 SH01 T3 R000000163"),
        QStringLiteral("OPERATOR JOHN - ANN LEE"), QStringLiteral("CLOTH PEG E-140"), QStringLiteral("WA36 - 6/60"),
        QStringLiteral("9555112901406 1 X 5.90 5.90"), QStringLiteral("Item(s) : 1 Qty(s) : 1"), QStringLiteral("Total Incl. GST@6% RM 5.90")}));
    ASSERT_EQ(one.lineItems.size(), 1);
    EXPECT_EQ(one.lineItems[0][0].second.value, u"CLOTH PEG E-140");
    const Extraction first = ReceiptExtractor().extract(documentOf({
        QStringLiteral("NOODLE HOUSE SDN BHD"), QStringLiteral("03 Apr 2018 18:33"), QStringLiteral("12, Jalan Mawar 7/4, Taman Indah"),
        QStringLiteral("Item Qty Total"), QStringLiteral("SR 100100000035- 1 Meat + 3 Vege"), QStringLiteral("$7.10 1 $7.10"),
        QStringLiteral("Total Amount: $7.10")}));
    ASSERT_EQ(first.lineItems.size(), 1);
    EXPECT_EQ(first.lineItems[0][0].second.value, u"SR 100100000035- 1 Meat + 3 Vege");
}

TEST(ReceiptExtractor, FlagsTotalsThatDisagree)
{
    const Extraction ex = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP"),
        QStringLiteral("12 MAIN ROAD"),
        QStringLiteral("31/02/2018"),
        QStringLiteral("BREAD 3.00"),
        QStringLiteral("MILK 2.00"),
        QStringLiteral("TOTAL 9.00"),
        QStringLiteral("CASH 10.00"),
        QStringLiteral("CHANGE 5.00"),
    }));
    EXPECT_EQ(ex.get(QStringLiteral("total")).value, u"9.00");
    const QString flags = ex.flags.join(u';');
    EXPECT_TRUE(flags.contains(u"differs from cash")) << flags.toStdString();
    EXPECT_TRUE(flags.contains(u"line items add up to 5.00")) << flags.toStdString();
    EXPECT_TRUE(flags.contains(u"date 31/02/2018 cannot exist")) << flags.toStdString();
}

TEST(ReceiptExtractor, KoreanReceipt)
{
    const Extraction ex = ReceiptExtractor().extract(documentOf({
        QStringLiteral("(주)한빛마트"),
        QStringLiteral("서울시 강남구 테헤란로 123"),
        QStringLiteral("전화 02-555-1234"),
        QStringLiteral("2018년 12월 25일 13:20"),
        QStringLiteral("사과 2 1,500.00 3,000.00"),
        QStringLiteral("합계 3,000.00원"),
        QStringLiteral("카드 3,000.00"),
    }));
    EXPECT_EQ(ex.get(QStringLiteral("merchantName")).value, u"(주)한빛마트");
    EXPECT_EQ(ex.get(QStringLiteral("date")).value, u"2018-12-25");
    EXPECT_EQ(ex.get(QStringLiteral("total")).value, u"3000.00");
    EXPECT_EQ(ex.get(QStringLiteral("currency")).value, u"KRW");
    EXPECT_EQ(ex.get(QStringLiteral("paymentMethod")).value, u"카드");
}

TEST(InvoiceExtractor, FieldsBesideAndBelowLabels)
{
    const Extraction ex = InvoiceExtractor().extract(documentOf({
        QStringLiteral("Acme Widgets GmbH"),
        QStringLiteral("Hauptstrasse 1, 10115 Berlin"),
        QStringLiteral("VAT No: DE123456789"),
        QStringLiteral("Invoice Number: INV-2024-0042"),
        QStringLiteral("Invoice Date: 14.03.2024"),
        QStringLiteral("Due Date: 13.04.2024"),
        QStringLiteral("Bill To:"),
        QStringLiteral("Example Customer Ltd"),
        QStringLiteral("PO Number: PO-7781"),
        QStringLiteral("Widget 2 x 100,00 € 200,00 €"),
        QStringLiteral("Subtotal 200,00 €"),
        QStringLiteral("VAT 19% 38,00 €"),
        QStringLiteral("Total due 238,00 €"),
        QStringLiteral("IBAN: DE89 3704 0044 0532 0130 00  BIC: COBADEFFXXX"),
    }));
    EXPECT_EQ(ex.get(QStringLiteral("invoiceNumber")).value, u"INV-2024-0042");
    EXPECT_EQ(ex.get(QStringLiteral("issueDate")).value, u"2024-03-14");
    EXPECT_EQ(ex.get(QStringLiteral("dueDate")).value, u"2024-04-13");
    EXPECT_EQ(ex.get(QStringLiteral("total")).value, u"238.00");
    EXPECT_EQ(ex.get(QStringLiteral("subtotal")).value, u"200.00");
    EXPECT_EQ(ex.get(QStringLiteral("tax")).value, u"38.00");
    EXPECT_EQ(ex.get(QStringLiteral("currency")).value, u"EUR");
    EXPECT_EQ(ex.get(QStringLiteral("vendorName")).value, u"Acme Widgets GmbH");
    EXPECT_EQ(ex.get(QStringLiteral("vendorTaxId")).value, u"DE123456789");
    EXPECT_EQ(ex.get(QStringLiteral("customer")).value, u"Example Customer Ltd");
    EXPECT_EQ(ex.get(QStringLiteral("poNumber")).value, u"PO-7781");
    EXPECT_EQ(ex.get(QStringLiteral("iban")).value, u"DE89370400440532013000");
    EXPECT_EQ(ex.get(QStringLiteral("bic")).value, u"COBADEFFXXX");
    EXPECT_TRUE(ex.flags.isEmpty()) << ex.flags.join(u';').toStdString();
}

TEST(InvoiceExtractor, IbanChecksumAndArithmeticFlags)
{
    EXPECT_TRUE(InvoiceExtractor::validIban(QStringLiteral("GB82 WEST 1234 5698 7654 32")));
    EXPECT_FALSE(InvoiceExtractor::validIban(QStringLiteral("GB82 WEST 1234 5698 7654 33")));
    const Extraction ex = InvoiceExtractor().extract(documentOf({
        QStringLiteral("Invoice # 1001"),
        QStringLiteral("Date: 2024-05-01"),
        QStringLiteral("Due: 2024-04-01"),
        QStringLiteral("Subtotal $100.00"),
        QStringLiteral("Tax $10.00"),
        QStringLiteral("Total $120.00"),
        QStringLiteral("IBAN GB82 WEST 1234 5698 7654 33"),
    }));
    EXPECT_EQ(ex.get(QStringLiteral("invoiceNumber")).value, u"1001");
    EXPECT_EQ(ex.get(QStringLiteral("currency")).value, u"USD");
    EXPECT_TRUE(ex.get(QStringLiteral("iban")).isEmpty()); // fails its checksum
    const QString flags = ex.flags.join(u';');
    EXPECT_TRUE(flags.contains(u"does not give total")) << flags.toStdString();
    EXPECT_TRUE(flags.contains(u"due date 2024-04-01 is before")) << flags.toStdString();
}

TEST(IdCardExtractor, KoreanResidentCardMasksTheNumber)
{
    // 800101-1234567: weights 2..9,2..5 give sum 144 -> (11 - 144 % 11) % 10 = 10 % 10 = 0 -> check 0
    EXPECT_TRUE(IdCardExtractor::validResidentNumber(QStringLiteral("8001011234560")));
    EXPECT_FALSE(IdCardExtractor::validResidentNumber(QStringLiteral("8001011234561")));
    const auto doc = documentOf({QStringLiteral("주민등록증"), QStringLiteral("홍길동"), QStringLiteral("800101-1234560"),
                                 QStringLiteral("서울특별시 종로구 세종대로 209"), QStringLiteral("2015. 3. 2."),
                                 QStringLiteral("서울특별시 종로구청장")});
    const Extraction ex = IdCardExtractor().extract(doc);
    EXPECT_EQ(ex.documentType, u"kr-resident-card");
    EXPECT_EQ(ex.get(QStringLiteral("name")).value, u"홍길동");
    EXPECT_EQ(ex.get(QStringLiteral("residentNumber")).value, u"800101-1******");
    EXPECT_FALSE(ex.text.isEmpty());
    EXPECT_EQ(ex.get(QStringLiteral("birthDate")).value, u"1980-01-01");
    EXPECT_EQ(ex.get(QStringLiteral("sex")).value, u"M");
    EXPECT_EQ(ex.get(QStringLiteral("address")).value, u"서울특별시 종로구 세종대로 209");
    EXPECT_EQ(ex.get(QStringLiteral("issueDate")).value, u"2015-03-02");
    EXPECT_TRUE(ex.flags.isEmpty()) << ex.flags.join(u';').toStdString();
    const Extraction revealed = IdCardExtractor({true}).extract(doc);
    EXPECT_EQ(revealed.get(QStringLiteral("residentNumber")).value, u"800101-1234560");
}

TEST(IdCardExtractor, DriverLicenceAndBadCheckDigit)
{
    const Extraction ex = IdCardExtractor().extract(documentOf({
        QStringLiteral("자동차운전면허증"), QStringLiteral("1종 보통"), QStringLiteral("서울 12-34-567890-12"),
        QStringLiteral("김철수"), QStringLiteral("900215-2345671"), QStringLiteral("2020.01.15"),
    }));
    EXPECT_EQ(ex.documentType, u"kr-driver-licence");
    EXPECT_EQ(ex.get(QStringLiteral("licenceNumber")).value, u"서울 12-34-567890-12");
    EXPECT_EQ(ex.get(QStringLiteral("licenceType")).value, u"1종 보통");
    EXPECT_EQ(ex.get(QStringLiteral("sex")).value, u"F");
    EXPECT_EQ(ex.get(QStringLiteral("name")).value, u"김철수");
    EXPECT_TRUE(ex.flags.join(u';').contains(u"check digit fails"));
}

TEST(IdCardExtractor, GenericLabelValueCard)
{
    const Extraction ex = IdCardExtractor().extract(documentOf({
        QStringLiteral("MEMBER CARD"), QStringLiteral("Name: Jane Doe"), QStringLiteral("Member No: 12345"),
        QStringLiteral("Valid Until: 31/12/2026"),
    }));
    EXPECT_EQ(ex.documentType, u"label-value");
    EXPECT_EQ(ex.get(QStringLiteral("name")).value, u"Jane Doe");
    EXPECT_EQ(ex.get(QStringLiteral("memberNo")).value, u"12345");
    EXPECT_EQ(ex.get(QStringLiteral("validUntil")).value, u"2026-12-31");
}

TEST(InvoiceExtractor, InvoiceDateBeforeOrderDateAndColumnHeadingsAreNoTotals)
{
    const Extraction ex = InvoiceExtractor().extract(documentOf({
        QStringLiteral("Shop Example BV"),
        QStringLiteral("Invoice No : # WH_2024000123"),
        QStringLiteral("Order ID: OD99887766"),
        QStringLiteral("Order Date: 02-03-2024"),
        QStringLiteral("Invoice Date: 05-03-2024"),
        QStringLiteral("Item Qty Price incl. VAT"),
        QStringLiteral("Tablet 1 € 399,00"),
        QStringLiteral("Cover 1 € 19,00"),
        QStringLiteral("Total € 418,00"),
    }));
    EXPECT_EQ(ex.get(QStringLiteral("invoiceNumber")).value, u"#WH_2024000123");
    EXPECT_EQ(ex.get(QStringLiteral("issueDate")).value, u"2024-03-05");
    EXPECT_EQ(ex.get(QStringLiteral("total")).value, u"418.00");
    EXPECT_EQ(ex.get(QStringLiteral("currency")).value, u"EUR");
}

TEST(InvoiceExtractor, FrenchNumberSignDueDatesAndRupeesWithoutDecimals)
{
    const Extraction fr = InvoiceExtractor().extract(documentOf({
        QStringLiteral("Exemple Télécom SAS"),
        QStringLiteral("Facture n°771234 du 12 Mars 2023"),
        QStringLiteral("Date limite de paiement le 20 Mars 2023 19.99 € TTC"),
        QStringLiteral("Somme à payer 19.99 € TTC"),
    }));
    EXPECT_EQ(fr.get(QStringLiteral("invoiceNumber")).value, u"771234");
    EXPECT_EQ(fr.get(QStringLiteral("issueDate")).value, u"2023-03-12");
    EXPECT_EQ(fr.get(QStringLiteral("dueDate")).value, u"2023-03-20");
    EXPECT_EQ(fr.get(QStringLiteral("total")).value, u"19.99");
    const Extraction in = InvoiceExtractor().extract(documentOf({
        QStringLiteral("PAYMENT RECEIPT"),
        QStringLiteral("Booking ID: HX4411"),
        QStringLiteral("Room Charges Rs 2400 x 1 Night"),
        QStringLiteral("Grand Total Rs 2400"),
        QStringLiteral("Discount of Rs -100.00 applied"),
    }));
    EXPECT_EQ(in.get(QStringLiteral("total")).value, u"2400.00");
    EXPECT_EQ(in.get(QStringLiteral("currency")).value, u"INR");
}

TEST(ReceiptExtractor, CashMinusChangeOverridesAMisreadOrUnroundedTotal)
{
    // OCR read the total's 3 as 8; cash minus change gives 30.90, which the receipt prints again.
    const Extraction misread = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP"),
        QStringLiteral("12 MAIN ROAD"),
        QStringLiteral("01/02/2018"),
        QStringLiteral("GROCERIES 30.90"),
        QStringLiteral("TOTAL 80.90"),
        QStringLiteral("CASH 50.00"),
        QStringLiteral("CHANGE 19.10"),
    }));
    EXPECT_EQ(misread.get(QStringLiteral("total")).value, u"30.90");
    // Totals round to 0.05 at the till: 15.39 charged as 15.40.
    const Extraction rounded = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP"),
        QStringLiteral("12 MAIN ROAD"),
        QStringLiteral("01/02/2018"),
        QStringLiteral("TOTAL 15.39"),
        QStringLiteral("CASH 20.00"),
        QStringLiteral("CHANGE 4.60"),
    }));
    EXPECT_EQ(rounded.get(QStringLiteral("total")).value, u"15.40");
    EXPECT_TRUE(rounded.flags.isEmpty()) << rounded.flags.join(u';').toStdString();
    // Paid exactly in cash: the total's last digit misread (5 as 9).
    const Extraction exact = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP"), QStringLiteral("NET TOTAL 14.89"), QStringLiteral("CASH 14.85"), QStringLiteral("CHANGE 0.00")}));
    EXPECT_EQ(exact.get(QStringLiteral("total")).value, u"14.85");
    // The subtotal plus tax sides with cash minus change against a misread total.
    const Extraction sided = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP"), QStringLiteral("SUB-TOTAL 49.06"), QStringLiteral("GST 2.94"), QStringLiteral("TOTAL 92.00"),
        QStringLiteral("CASH 52.00"), QStringLiteral("CHANGE 0.00")}));
    EXPECT_EQ(sided.get(QStringLiteral("total")).value, u"52.00");
    const Extraction unsided = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP"), QStringLiteral("SUB-TOTAL 92.00"), QStringLiteral("TOTAL 92.00"), QStringLiteral("CASH 52.00"),
        QStringLiteral("CHANGE 0.00")}));
    EXPECT_EQ(unsided.get(QStringLiteral("total")).value, u"92.00");
    // Two columns read as one line: the last amount's own label counts.
    const Extraction columns = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP"), QStringLiteral("ITEM. 2 Total with GST @ 6% 6.83"),
        QStringLiteral("TOTAL SAVING: 0.00 TOTAL 6.85")}));
    EXPECT_EQ(columns.get(QStringLiteral("total")).value, u"6.85");
    // A total that is itself a multiple of 0.05 is not overruled by a nearby cash amount.
    const Extraction card = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP"), QStringLiteral("TOTAL 14.90"), QStringLiteral("CASH 20.00"), QStringLiteral("CHANGE 5.15")}));
    EXPECT_EQ(card.get(QStringLiteral("total")).value, u"14.90");
}

TEST(ReceiptExtractor, RoundingAdjustmentBelowTheTotalIsApplied)
{
    const Extraction ex = ReceiptExtractor().extract(documentOf({
        QStringLiteral("SUSHI PLACE SDN BHD"),
        QStringLiteral("1 JALAN SATU, 50000 KUALA LUMPUR"),
        QStringLiteral("DATE 02/03/2018"),
        QStringLiteral("Total (Excluding GST): 26.60"),
        QStringLiteral("GST Payable: 1.76"),
        QStringLiteral("Total (Inclusive of GST): 28.36"),
        QStringLiteral("Rounding Adj: -0.01"),
        QStringLiteral("CARD : 28.35"),
    }));
    EXPECT_EQ(ex.get(QStringLiteral("total")).value, u"28.35");
    // Without an adjustment line the exact cash payment to 0.05 shows the rounding.
    const Extraction cash = ReceiptExtractor().extract(documentOf({
        QStringLiteral("SUSHI PLACE SDN BHD"),
        QStringLiteral("1 JALAN SATU, 50000 KUALA LUMPUR"),
        QStringLiteral("DATE 02/03/2018"),
        QStringLiteral("TOTAL 31.02"),
        QStringLiteral("CASH 31.00"),
    }));
    EXPECT_EQ(cash.get(QStringLiteral("total")).value, u"31.00");
}

TEST(ReceiptExtractor, MerchantLegalFormRepairedAndEdgeSpecksDropped)
{
    auto merchant = [](const QString& first) {
        return ReceiptExtractor()
            .extract(documentOf({first, QStringLiteral("NO 5, JALAN BESAR, 43000 KAJANG"), QStringLiteral("DATE 01/02/2018"),
                                 QStringLiteral("TOTAL 5.00")}))
            .get(QStringLiteral("merchantName"))
            .value;
    };
    EXPECT_EQ(merchant(QStringLiteral("FOUR SEASONS SON BHD")), u"FOUR SEASONS SDN BHD");
    EXPECT_EQ(merchant(QStringLiteral("ACME TRADING SDN DHD B0Z7Z3-U")), u"ACME TRADING SDN BHD");
    EXPECT_EQ(merchant(QStringLiteral("WESTERN STATIONERY SDN. BHD.")), u"WESTERN STATIONERY SDN. BHD.");
    EXPECT_EQ(merchant(QStringLiteral("77 SPEED MART 5/8 !")), u"77 SPEED MART S/B");
    EXPECT_EQ(merchant(QStringLiteral(". KMR FOODS SDN BHD")), u"KMR FOODS SDN BHD");
    EXPECT_EQ(merchant(QStringLiteral("Aneka Trade Sdn Bnd (524463-X)")), u"Aneka Trade SDN BHD");
    EXPECT_EQ(merchant(QStringLiteral("SKCA HARDWARE & TIMBER SDN. 80. LL")), u"SKCA HARDWARE & TIMBER SDN. BHD.");
    EXPECT_EQ(merchant(QStringLiteral("GARDENIA BAKERIES SDN BILD")), u"GARDENIA BAKERIES SDN BHD");
}

TEST(ReceiptExtractor, AddressDropsColumnRulesAndStopsAtRunTogetherGstId)
{
    const Extraction ex = ReceiptExtractor().extract(documentOf({
        QStringLiteral("LUCKY HARDWARE SDN BHD"),
        QStringLiteral("LOT 12, JALAN BESAR, |"),
        QStringLiteral("| 43000 KAJANG, SELANGOR"),
        QStringLiteral("GSTID : 001234567890"),
        QStringLiteral("DATE 01/02/2018"),
        QStringLiteral("TOTAL 5.00"),
    }));
    EXPECT_EQ(ex.get(QStringLiteral("merchantAddress")).value, u"LOT 12, JALAN BESAR, 43000 KAJANG, SELANGOR");
}

TEST(ReceiptExtractor, AddressAfterRegistrationTaxIdAndBranchLines)
{
    const Extraction ex = ReceiptExtractor().extract(documentOf({
        QStringLiteral("GOLDEN LEAF RESTAURANTS SDN BHD"),
        QStringLiteral("(65351-M)"),
        QStringLiteral("COMPANY REG. NO.: 725186-V"),
        QStringLiteral("LICENSEE OF GOLDEN LEAF"),
        QStringLiteral("LEVEL 6, BANGUNAN ABC, DAMANSARA"),
        QStringLiteral("NO.3, JALAN SS21/39, 47400 PETALING JAYA"),
        QStringLiteral("SELANGOR"),
        QStringLiteral("(GST ID NO: 000123456789)"),
        QStringLiteral("DATE 01/02/2018"),
        QStringLiteral("TOTAL 5.00"),
    }));
    EXPECT_EQ(ex.get(QStringLiteral("merchantName")).value, u"GOLDEN LEAF RESTAURANTS SDN BHD");
    EXPECT_EQ(ex.get(QStringLiteral("merchantAddress")).value,
              u"LEVEL 6, BANGUNAN ABC, DAMANSARA NO.3, JALAN SS21/39, 47400 PETALING JAYA SELANGOR");

    // A date between the name and the address; a run-together heading ends the address; a trailing comma is kept.
    const Extraction dated = ReceiptExtractor().extract(documentOf({
        QStringLiteral("UNITED TRADERS SDN BHD"),
        QStringLiteral("14 MAR 2018 18:40"),
        QStringLiteral("(867388-U)"),
        QStringLiteral("12, JALAN BESAR 7/4,KAWASAN PERINDUSTRIAN"),
        QStringLiteral("SENAI,81400 JOHOR BAHRU,"),
        QStringLiteral("JOHOR TAXINVOICE"),
        QStringLiteral("TOTAL 5.00"),
    }));
    EXPECT_EQ(dated.get(QStringLiteral("merchantAddress")).value, u"12, JALAN BESAR 7/4,KAWASAN PERINDUSTRIAN SENAI,81400 JOHOR BAHRU, JOHOR");
    const Extraction comma = ReceiptExtractor().extract(documentOf({
        QStringLiteral("KT TRADING"), QStringLiteral("22, JALAN HIJAU 5, TAMAN HIJAU,"), QStringLiteral("TEL 03-1234 5678"),
        QStringLiteral("TOTAL 5.00")}));
    EXPECT_EQ(comma.get(QStringLiteral("merchantAddress")).value, u"22, JALAN HIJAU 5, TAMAN HIJAU,");

    // No address printed: the items are not taken for one.
    const Extraction none = ReceiptExtractor().extract(documentOf({
        QStringLiteral("PERNIAGAAN RIA"), QStringLiteral("GST: 001462431232"), QStringLiteral("TAX INVOICE"),
        QStringLiteral("400002 1.00 X 21.32 21.32"), QStringLiteral("NO. ITEMS 1"), QStringLiteral("TOTAL 21.30")}));
    EXPECT_TRUE(none.get(QStringLiteral("merchantAddress")).isEmpty()) << none.get(QStringLiteral("merchantAddress")).value.toStdString();
}

TEST(ReceiptExtractor, SpecksReadAsACurrencyAboveTheNameDoNotEndTheHeader)
{
    const Extraction ex = ReceiptExtractor().extract(documentOf({
        QStringLiteral("$1&0305F"), QStringLiteral("MR. D.I.Y. (M) SDN BHD"), QStringLiteral("LOT 18, JALAN KPB 6,"),
        QStringLiteral("43300 SERI KEMBANGAN, SELANGOR"), QStringLiteral("-TAX INVOICE-"), QStringLiteral("IRON 1 X 30.90 30.90"),
        QStringLiteral("TOTAL 30.90")}));
    EXPECT_EQ(ex.get(QStringLiteral("merchantName")).value, u"MR. D.I.Y. (M) SDN BHD");
    EXPECT_EQ(ex.get(QStringLiteral("merchantAddress")).value, u"LOT 18, JALAN KPB 6, 43300 SERI KEMBANGAN, SELANGOR");

    // A priced amount read in the debris of the first line, the name with its legal form below it.
    const Extraction debris = ReceiptExtractor().extract(documentOf({
        QStringLiteral("A te 1.05"), QStringLiteral("THAI TEA & CO."), QStringLiteral("Dimiliki oleh T PLUS F&B SDN. BHD."),
        QStringLiteral("(1219716-T)"), QStringLiteral("LOT NO.: 4F-27, 4TH FLOOR"), QStringLiteral("TEL: 03-1234 5678"),
        QStringLiteral("TEA 1 X 7.50 7.50"), QStringLiteral("TOTAL 7.50")}));
    EXPECT_EQ(debris.get(QStringLiteral("merchantName")).value, u"Dimiliki oleh T PLUS F&B SDN. BHD.");
    EXPECT_EQ(debris.get(QStringLiteral("merchantAddress")).value, u"LOT NO.: 4F-27, 4TH FLOOR");
    // The building's name above the street address is part of it.
    const Extraction mall = ReceiptExtractor().extract(documentOf({
        QStringLiteral("THAI TEA SDN. BHD."), QStringLiteral("(1219716-T)"), QStringLiteral("PARADIGM MALL"),
        QStringLiteral("LOT NO.: 4F-27, 4TH FLOOR"), QStringLiteral("TEL: 03-1234 5678"), QStringLiteral("TOTAL 7.50")}));
    EXPECT_EQ(mall.get(QStringLiteral("merchantAddress")).value, u"PARADIGM MALL LOT NO.: 4F-27, 4TH FLOOR");
    // A date above the items, with no legal form below it, still ends the header.
    const Extraction dated = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP"), QStringLiteral("01/02/2018 10:15"), QStringLiteral("TEA 7.50"), QStringLiteral("TOTAL 7.50")}));
    EXPECT_EQ(dated.get(QStringLiteral("merchantName")).value, u"CORNER SHOP");
}

TEST(ReceiptExtractor, LinesWorthASecondReadingOfTheirPunctuation)
{
    const OcrDocument doc = documentOf({QStringLiteral("UNITED TRADERS SDN BHD"), QStringLiteral("NO 290, JALAN AIR PANAS"),
                                        QStringLiteral("53200 KUALA LUMPUR"), QStringLiteral("TEL. 03-1234 5678"),
                                        QStringLiteral("TOTAL 5.00")});
    const QList<OcrLine> lines = doc.allLines();
    EXPECT_FALSE(ReceiptExtractor::mayHoldAddress(lines, 0)); // no address word
    EXPECT_TRUE(ReceiptExtractor::mayHoldAddress(lines, 1));
    EXPECT_FALSE(ReceiptExtractor::mayHoldAddress(lines, 2)); // no comma or full stop to vote on
    EXPECT_FALSE(ReceiptExtractor::mayHoldAddress(lines, 3));
}

TEST(ReceiptExtractor, TotalLinesWithoutTheirAmountAreWorthReadingToTheEdge)
{
    const OcrDocument doc = documentOf({QStringLiteral("lotal After Rounding"), QStringLiteral("CASH"), QStringLiteral("50.00"),
                                        QStringLiteral("TOTAL 5.00"), QStringLiteral("STRICTLY NO CASH REFUND"),
                                        QStringLiteral("GOODS SOLD ARE NOT EXCHANGEABLE"), QStringLiteral("Qty Description Price Total"),
                                        QStringLiteral("Rounding Adjustment")});
    const QList<OcrLine> lines = doc.allLines();
    EXPECT_TRUE(ReceiptExtractor::lacksItsAmount(lines, 0));  // T read as l
    EXPECT_FALSE(ReceiptExtractor::lacksItsAmount(lines, 1)); // its amount stands on the next line
    EXPECT_FALSE(ReceiptExtractor::lacksItsAmount(lines, 3)); // it has one
    EXPECT_FALSE(ReceiptExtractor::lacksItsAmount(lines, 4)); // a policy
    EXPECT_FALSE(ReceiptExtractor::lacksItsAmount(lines, 5));
    EXPECT_FALSE(ReceiptExtractor::lacksItsAmount(lines, 6)); // column headings
    EXPECT_TRUE(ReceiptExtractor::lacksItsAmount(lines, 7));

    // A total label with its T misread still counts; a saving is no total.
    const Extraction ex = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP"), QStringLiteral("CREAM 1 * 69.90 69.90"), QStringLiteral("Disc 30.00% -20.97"),
        QStringLiteral("{otal Sales Incl. GST 48.93"), QStringLiteral("Rounding Adjustment 0.02"),
        QStringLiteral("{otal promotional saving 20.97"), QStringLiteral("69.90")}));
    EXPECT_EQ(ex.get(QStringLiteral("total")).value, u"48.95");
}

TEST(ReceiptExtractor, AddressEndsAtLabelledDetailsAndRunTogetherHeadings)
{
    auto address = [](QStringList lines) {
        lines.prepend(QStringLiteral("UNITED TRADERS SDN BHD"));
        lines << QStringLiteral("TOTAL 5.00");
        return ReceiptExtractor().extract(documentOf(lines)).get(QStringLiteral("merchantAddress")).value;
    };
    EXPECT_EQ(address({QStringLiteral("LOT PT 1138, BANDAR MAHKOTA CHERAS"), QStringLiteral("43200 CHERAS, SELANGOR"),
                       QStringLiteral("SITE : 2365")}),
              u"LOT PT 1138, BANDAR MAHKOTA CHERAS 43200 CHERAS, SELANGOR");
    EXPECT_EQ(address({QStringLiteral("SIMPANG AMPAT, 84600,PAGOH,JOHOR"), QStringLiteral("CARELINE : 1800 88 1231")}),
              u"SIMPANG AMPAT, 84600,PAGOH,JOHOR");
    // A misread TAX run into INVOICE ends the address too.
    EXPECT_EQ(address({QStringLiteral("12, JALAN BESAR 7/4,81200 JOHOR BAHRU,"), QStringLiteral("JOHOR AXINVOICE")}),
              u"12, JALAN BESAR 7/4,81200 JOHOR BAHRU, JOHOR");
    // A label of the address itself does not end it.
    EXPECT_EQ(address({QStringLiteral("LOT 5, JALAN BESAR,"), QStringLiteral("TAMAN MAJU : 43000 KAJANG")}),
              u"LOT 5, JALAN BESAR, TAMAN MAJU : 43000 KAJANG");
    // A business registration number above the address is not part of it.
    EXPECT_EQ(address({QStringLiteral("BR NO.: (124525-H)"), QStringLiteral("NO 19-G, JALAN TASIK UTAMA 4,")}),
              u"NO 19-G, JALAN TASIK UTAMA 4,");
    // A speck after the last full stop.
    EXPECT_EQ(address({QStringLiteral("LOT 276 JALAN BANTING 43800 DENGKIL, SELANGOR. U")}), u"LOT 276 JALAN BANTING 43800 DENGKIL, SELANGOR.");
    // The house number's "NO" as OCR reads it.
    EXPECT_EQ(address({QStringLiteral("NG 8, JALAN 7/118B, DESA TUN RAZAK")}), u"NO 8, JALAN 7/118B, DESA TUN RAZAK");
    EXPECT_EQ(address({QStringLiteral("NQ.113G, JALAN SETIA, 40170 SHAH ALAM")}), u"NO.113G, JALAN SETIA, 40170 SHAH ALAM");
    EXPECT_EQ(address({QStringLiteral("MNO 18, 20, JALAN BUNGA 2/16")}), u"NO 18, 20, JALAN BUNGA 2/16");
    EXPECT_EQ(address({QStringLiteral("Nc 8, Jalan 7/118B, 56000 Kuala Lumpur")}), u"NO 8, Jalan 7/118B, 56000 Kuala Lumpur");
    EXPECT_EQ(address({QStringLiteral("LEVEL\u2019 6, BANGUNAN TH,"), QStringLiteral("40300 SHAH ALAM,\u2019SELANGOR.")}),
              u"LEVEL 6, BANGUNAN TH, 40300 SHAH ALAM, SELANGOR.");
}

TEST(ReceiptExtractor, MerchantNameOverSeveralLinesAndAboveTheAddress)
{
    auto merchant = [](QStringList top) {
        top << QStringLiteral("NO 5, JALAN BESAR, 43000 KAJANG") << QStringLiteral("TEL: 03-1234 5678")
            << QStringLiteral("OWNED BY :") << QStringLiteral("OTHER HOLDINGS SDN BHD") << QStringLiteral("DATE 01/02/2018")
            << QStringLiteral("TOTAL 5.00");
        return ReceiptExtractor().extract(documentOf(top)).get(QStringLiteral("merchantName")).value;
    };
    EXPECT_EQ(merchant({QStringLiteral("3180404"), QStringLiteral("WESTERN EASTERN"), QStringLiteral("STATIONERY SDN. BHD")}),
              u"WESTERN EASTERN STATIONERY SDN. BHD");
    EXPECT_EQ(merchant({QStringLiteral("POPULAR BOOK"), QStringLiteral("CO. (M) SDN BHD"), QStringLiteral("(CO. NO. 113825-W)")}),
              u"POPULAR BOOK CO. (M) SDN BHD");
    EXPECT_EQ(merchant({QStringLiteral("AIK HUAT HARDWARE"), QStringLiteral("ENTERPRISE (SETIA"), QStringLiteral("ALAM) SDN BHD"),
                        QStringLiteral("822737-X")}),
              u"AIK HUAT HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD");
    // The shop's name above its address, not the owner printed further down.
    EXPECT_EQ(merchant({QStringLiteral("SANYU STATIONERY SHOP")}), u"SANYU STATIONERY SHOP");
    EXPECT_EQ(merchant({QStringLiteral("OLD ASIA"), QStringLiteral("OWN BY: CHEF LEE SDN BHD")}), u"CHEF LEE SDN BHD");
    EXPECT_EQ(merchant({QStringLiteral("| OLD ASIA"), QStringLiteral("| OWN BY: CHEF LEE SDN BHD")}), u"CHEF LEE SDN BHD");
    // A line in brackets below the name is an aside, though it names a kind of business.
    EXPECT_EQ(merchant({QStringLiteral("ROSEWOOD VIVA CITY"), QStringLiteral("(ROSEWOOD SHOP (12345))")}), u"ROSEWOOD VIVA CITY");
    // The payment method comes from below the header, not from the shop's name.
    const Extraction master = ReceiptExtractor().extract(documentOf({
        QStringLiteral("HOME MASTER HARDWARE"), QStringLiteral("NO 5, JALAN BESAR, 43000 KAJANG"), QStringLiteral("DATE 01/02/2018"),
        QStringLiteral("TOTAL 5.00"), QStringLiteral("VISA 5.00")}));
    EXPECT_EQ(master.get(QStringLiteral("paymentMethod")).value, u"VISA");
    // Lower-case OCR debris above a one-word name is not part of it.
    EXPECT_EQ(merchant({QStringLiteral("fos 14"), QStringLiteral("AEON CO. (M) BHD (126926-H)")}), u"AEON CO. (M) BHD");
}

TEST(ReceiptExtractor, DateWithAMisreadFutureYearIsSkippedAndFlagged)
{
    const Extraction ex = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP"), QStringLiteral("DATE: 23/04/3007 10:15"), QStringLiteral("TOTAL 5.00"),
        QStringLiteral("PRINTED 24/04/2017")}));
    EXPECT_EQ(ex.get(QStringLiteral("date")).value, u"2017-04-24");
    EXPECT_TRUE(ex.flags.contains(QStringLiteral("date 23/04/3007 lies in the future"))) << ex.flags.join(u';').toStdString();
}

TEST(ReceiptExtractor, WithoutATotalLineTheSubtotalPlusTaxIsTheTotal)
{
    auto total = [](QStringList lines) {
        lines.prepend(QStringLiteral("CORNER SHOP"));
        return ReceiptExtractor().extract(documentOf(lines)).get(QStringLiteral("total")).value;
    };
    // The total line misread ("TOTAL 92 «00"), the cash line without a change line, GST read as BST.
    EXPECT_EQ(total({QStringLiteral("ITEM 22.00 22.00"), QStringLiteral("ITEM 22.00 22.00"), QStringLiteral("SUB-TOTAL 49.06"),
                     QStringLiteral("BST 2.94"), QStringLiteral("TOTAL 92 «00"), QStringLiteral("CASH 52.00"), QStringLiteral("SR 49.06 2.94")}),
              u"52.00");
    // Prices that include the tax: the subtotal is what was paid.
    EXPECT_EQ(total({QStringLiteral("TEA 4.30"), QStringLiteral("RICE 4.30"), QStringLiteral("SUBTOTAL 28.70"),
                     QStringLiteral("INC 6% GST 1.62")}),
              u"28.70");
    // Cash minus change is what was paid, after a discount too; far below the subtotal, the cash line was misread.
    EXPECT_EQ(total({QStringLiteral("SUBTOTAL RM96. 20"), QStringLiteral("CASH RM10U. 00"), QStringLiteral("YOUR CHANGE RM3. 80")}),
              u"96.20");
    EXPECT_EQ(total({QStringLiteral("SUBTOTAL 40.00"), QStringLiteral("MEMBER DISCOUNT 4.00"), QStringLiteral("CASH 50.00"),
                     QStringLiteral("CHANGE 14.00")}),
              u"36.00");
}

TEST(Lexicon, CorrectsLookAlikeLettersInKnownWordsOnly)
{
    using lexicon::correct;
    EXPECT_EQ(correct(QStringLiteral("43300 SERT KEMBANGAN, SELANGOR")), u"43300 SERI KEMBANGAN, SELANGOR");
    EXPECT_EQ(correct(QStringLiteral("SELANGOR 1320-THN BATU")), u"SELANGOR 1320-TMN BATU");
    EXPECT_EQ(correct(QStringLiteral("KEDAT RUNCIT ZBH")), u"KEDAI RUNCIT ZBH");
    EXPECT_EQ(correct(QStringLiteral("FY EAGLE ENTERFRISE")), u"FY EAGLE ENTERPRISE");
    EXPECT_EQ(correct(QStringLiteral("43300 SER1 KEMBANGAN")), u"43300 SERI KEMBANGAN");
    // Names, unknown words, digits and short words stay as read; other words keep their case.
    EXPECT_EQ(correct(QStringLiteral("TAN WOON YANN")), u"TAN WOON YANN");
    EXPECT_EQ(correct(QStringLiteral("12, JALAN TAMPOL 7/4, U13/X")), u"12, JALAN TAMPOL 7/4, U13/X");
    EXPECT_EQ(correct(QStringLiteral("Sert Kembangan, Jaian Perindustian, jaian")), u"Seri Kembangan, Jalan Perindustrian, jalan");
    // A known word split in two is joined; two known words stay apart.
    EXPECT_EQ(correct(QStringLiteral("KUALA LUMPUR MALAY SIA")), u"KUALA LUMPUR MALAYSIA");
    EXPECT_EQ(correct(QStringLiteral("BANDAR BARU")), u"BANDAR BARU");
    // Two known words as near (UTARA, UTAMA): left alone.
    EXPECT_EQ(correct(QStringLiteral("BANDAR UTANA")), u"BANDAR UTANA");
    // A letter lost in a long word, or an M read as RN; a letter more is a printed spelling and stays.
    EXPECT_EQ(correct(QStringLiteral("KAWASAN PERINDUSTIAN")), u"KAWASAN PERINDUSTRIAN");
    EXPECT_EQ(correct(QStringLiteral("DARNANSARA JAYA")), u"DAMANSARA JAYA");
    EXPECT_EQ(correct(QStringLiteral("JALAN SETIA GEMBILANG")), u"JALAN SETIA GEMBILANG");
    EXPECT_EQ(correct(QStringLiteral("SEKYEN 9")), u"SEKYEN 9"); // six letters: too short to tell
    // Any one letter in long words, two edits from ten letters; a letter more stays (a plural, a printed spelling).
    EXPECT_EQ(correct(QStringLiteral("47200 SUBANG SELENGOR")), u"47200 SUBANG SELANGOR");
    EXPECT_EQ(correct(QStringLiteral("FERMNIAGAAN RIANG RIA")), u"PERNIAGAAN RIANG RIA");
    EXPECT_EQ(correct(QStringLiteral("GOLDEN LEAF RESTAURANTS")), u"GOLDEN LEAF RESTAURANTS");
    EXPECT_EQ(correct(QStringLiteral("SEKSYEN U5, BUKIT BERUNTUNG")), u"SEKSYEN U5, BUKIT BERUNTUNG");
    // Any one letter too in a shorter word that the text prints correctly elsewhere.
    EXPECT_EQ(correct(QStringLiteral("JALAN BANDAR RAWANG 10 BANDAR BARU RAWAGG")), u"JALAN BANDAR RAWANG 10 BANDAR BARU RAWANG");
    EXPECT_EQ(correct(QStringLiteral("BANDAR BARU RAWAGG")), u"BANDAR BARU RAWAGG");
    EXPECT_EQ(correct(QStringLiteral("Bandar Rawanc 10 Bandar Baru Rawagg")), u"Bandar Rawang 10 Bandar Baru Rawang");
    // The extractor applies it to the merchant and the address.
    const Extraction ex = ReceiptExtractor().extract(documentOf({
        QStringLiteral("KEDAT RUNCIT ZBH"), QStringLiteral("NO 5, JALAN BESAR, 43300 SERT KEMBANGAN"), QStringLiteral("TOTAL 5.00")}));
    EXPECT_EQ(ex.get(QStringLiteral("merchantName")).value, u"KEDAI RUNCIT ZBH");
    EXPECT_EQ(ex.get(QStringLiteral("merchantAddress")).value, u"NO 5, JALAN BESAR, 43300 SERI KEMBANGAN");
}

TEST(ReceiptExtractor, RoundedTotalPrintedOnARoundingLineAndDecimalsSplitByOcr)
{
    const Extraction ex = ReceiptExtractor().extract(documentOf({
        QStringLiteral("CORNER SHOP SDN BHD"),
        QStringLiteral("12 JALAN MAWAR, 43000 KAJANG"),
        QStringLiteral("DATE 01/02/2018"),
        QStringLiteral("Total Sales (Inclusive GST) RM 52.08"),
        QStringLiteral("Rounding RM 52.10"),
    }));
    EXPECT_EQ(ex.get(QStringLiteral("total")).value, u"52.10");
    const auto split = normalize::findAmounts(QStringLiteral("Grand Total RM 15. 40"));
    ASSERT_EQ(split.size(), 1);
    EXPECT_DOUBLE_EQ(split[0].value, 15.40);
}
