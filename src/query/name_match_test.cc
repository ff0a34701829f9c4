#include "query/name_match.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

using Words = std::set<std::string>;

TEST(NameMatchTest, WordsKeepDesignationsWholeAndTrimQuotesAndStars) {
  EXPECT_EQ(NameWords("MIM-23 Hawk Phase I/III (21) Battery"),
            (Words{"mim-23", "hawk", "phase", "i", "iii", "21", "battery"}));
  EXPECT_EQ(NameWords("M1A1 Abrams'"), (Words{"m1a1", "abrams"}));
  EXPECT_EQ(NameWords("155mm ShKH Zuzana 2s*"), (Words{"155mm", "shkh", "zuzana", "2s"}));
  EXPECT_TRUE(NameWords("  ' ").empty());
}

TEST(NameMatchTest, TellingWordsDropCalibresAndWordsAnySystemCarries) {
  EXPECT_EQ(TellingWords(NameWords("155mm Archer Artillery System")), (Words{"archer", "artillery"}));
  EXPECT_EQ(TellingWords(NameWords("NASAMS Firing Unit")), (Words{"nasams"}));
  // A number alone is no calibre: it tells Leopard 1 from Leopard 2.
  EXPECT_EQ(TellingWords(NameWords("Leopard 1")), (Words{"leopard", "1"}));
  EXPECT_EQ(TellingWords(NameWords("mm 155")), (Words{"155"}));
}

TEST(NameMatchTest, IncludesAndOverlap) {
  Words gepard = TellingWords(NameWords("Gepard")), flakpanzer = TellingWords(NameWords("Flakpanzer Gepard"));
  EXPECT_TRUE(Includes(flakpanzer, gepard));
  EXPECT_FALSE(Includes(gepard, flakpanzer));
  EXPECT_DOUBLE_EQ(Overlap(gepard, flakpanzer), 0.5);
  EXPECT_DOUBLE_EQ(Overlap(TellingWords(NameWords("155mm M777")), TellingWords(NameWords("M777 155mm"))), 1.0);
  EXPECT_DOUBLE_EQ(Overlap({}, {}), 0.0);
}

TEST(NameMatchTest, NamingWordsLeaveOutWhatOnlyDescribes) {
  EXPECT_TRUE(NamingWords(TellingWords(NameWords("Unmanned Aerial Vehicles"))).empty());
  EXPECT_EQ(NamingWords(TellingWords(NameWords("penguin unmanned aerial systems"))), (Words{"penguin"}));
  EXPECT_EQ(NamingWords(TellingWords(NameWords("Bradley infantry fighting vehicle"))), (Words{"bradley"}));
}

TEST(NameMatchTest, AMunitionIsNotWhatFiresIt) {
  EXPECT_TRUE(NamesAMunition(NameWords("Hellfire missiles")));
  EXPECT_TRUE(NamesAMunition(NameWords("ammunition for HIMARS")));
  EXPECT_TRUE(NamesAMunition(NameWords("munitions for unmanned aerial systems")));
  EXPECT_FALSE(NamesAMunition(NameWords("Hellfire missiles launching pad")));
  EXPECT_FALSE(NamesAMunition(NameWords("National Advanced Surface-to-Air Missile System (NASAMS)")));
  EXPECT_FALSE(NamesAMunition(NameWords("Leopard 2")));
  EXPECT_FALSE(SameKind(NameWords("AMRAAM rockets (for NASAMS)"), NameWords("NASAMS")));
  EXPECT_FALSE(SameKind(NameWords("F-16 simulator"), NameWords("F-16")));
  EXPECT_TRUE(SameKind(NameWords("Bradley fire support team vehicle"), NameWords("M2A2 ODS Bradley")));
}

}  // namespace
}  // namespace ramstein
