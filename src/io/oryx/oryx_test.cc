#include "io/oryx/oryx.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

TEST(OryxCategoryTest, ReDerivesOnlyWhatTheScrapeMislabelled) {
  EXPECT_EQ(OryxCategory("AN/TPQ-36 Firefinder Weapons Locating Radar", "Cargo Drones"), "Radars");
  EXPECT_EQ(OryxCategory("Ground Master 200", "Cargo Drones"), "Radars");
  EXPECT_EQ(OryxCategory("Bergepanzer 2 Armoured Recovery Vehicle", "Cargo Drones"), "Engineering Vehicles");
  EXPECT_EQ(OryxCategory("Brückenlegepanzer Biber Bridgelayer", "Cargo Drones"), "Engineering Vehicles");
  EXPECT_EQ(OryxCategory("Dauntless Sea Ark Patrol Boat", "Cargo Drones"), "Naval Vessels");
  EXPECT_EQ(OryxCategory("Alkmaar-Class Minehunter", "Cargo Drones"), "Naval Vessels");
  EXPECT_EQ(OryxCategory("Malloy Aeronautics T150", "Cargo Drones"), "Cargo Drones");
  // Under "Towed Artillery": rocket launchers, mortars and self-propelled guns.
  EXPECT_EQ(OryxCategory("227mm HIMARS", "Towed Artillery"), "Multiple Rocket Launchers");
  EXPECT_EQ(OryxCategory("122mm RM-70 Vampir", "Towed Artillery"), "Multiple Rocket Launchers");
  EXPECT_EQ(OryxCategory("120mm Panzerm rser M113", "Towed Artillery"), "Mortars");
  EXPECT_EQ(OryxCategory("122mm 122 PSH 74s (2S1 Gvozdikas)", "Towed Artillery"), "Self-Propelled Artillery");
  EXPECT_EQ(OryxCategory("155mm PzH 2000", "Towed Artillery"), "Self-Propelled Artillery");
  EXPECT_EQ(OryxCategory("155mm M777", "Towed Artillery"), "Towed Artillery");
  EXPECT_EQ(OryxCategory("152mm M1981s (D-20s)", "Towed Artillery"), "Towed Artillery");
  // Elsewhere the scraped type stands, whatever the name says.
  EXPECT_EQ(OryxCategory("Radar-guided gun", "Self-Propelled Anti-Air Guns"), "Self-Propelled Anti-Air Guns");
}

}  // namespace
}  // namespace ramstein
