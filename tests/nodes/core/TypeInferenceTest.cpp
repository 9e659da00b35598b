#include "nodes/core/TypeInference.hpp"

#include <gtest/gtest.h>

using namespace taskloom::nodes::core;
using taskloom::engine::Value;

TEST(TypeInference, NumbersAndBooleans)
{
    EXPECT_TRUE(TypeInference::infer("42").isInt());
    EXPECT_EQ(TypeInference::infer("42").toInt(), 42);
    EXPECT_EQ(TypeInference::infer("-7").toInt(), -7);
    EXPECT_EQ(TypeInference::infer("0").toInt(), 0);
    EXPECT_TRUE(TypeInference::infer("3.25").isDouble());
    EXPECT_DOUBLE_EQ(TypeInference::infer("-0.5").toDouble(), -0.5);
    EXPECT_DOUBLE_EQ(TypeInference::infer("1e3").toDouble(), 1000.0);
    EXPECT_DOUBLE_EQ(TypeInference::infer("2.5E-2").toDouble(), 0.025);
    EXPECT_EQ(TypeInference::infer("true"), Value(true));
    EXPECT_EQ(TypeInference::infer("FALSE"), Value(false));
    EXPECT_EQ(TypeInference::infer("True"), Value(true));
}

TEST(TypeInference, TextThatWouldChangeStaysText)
{
    for (const char* text : {"007", "00", "+5", ".5", "5.", "1,5", " 42", "42 ", "-", "-0", "1e", "1.2.3", "0x1F",
                             "12345678901234567890", "yes", "truth", "", "NaN", "inf", "1e999"}) {
        const Value v = TypeInference::infer(QString::fromUtf8(text));
        EXPECT_TRUE(v.isString()) << text;
        EXPECT_EQ(v.toString(), QString::fromUtf8(text));
    }
}
