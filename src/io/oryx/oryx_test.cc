#include "io/oryx/oryx.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

TEST(OryxCategoryTest, ReDerivesOnlyWhatWasFiledUnderCargoDrones) {
  EXPECT_EQ(OryxCategory("AN/TPQ-36 Firefinder Weapons Locating Radar", "Cargo Drones"), "Radars");
  EXPECT_EQ(OryxCategory("Ground Master 200", "Cargo Drones"), "Radars");
  EXPECT_EQ(OryxCategory("Bergepanzer 2 Armoured Recovery Vehicle", "Cargo Drones"), "Engineering Vehicles");
  EXPECT_EQ(OryxCategory("Brückenlegepanzer Biber Bridgelayer", "Cargo Drones"), "Engineering Vehicles");
  EXPECT_EQ(OryxCategory("Dauntless Sea Ark Patrol Boat", "Cargo Drones"), "Naval Vessels");
  EXPECT_EQ(OryxCategory("Alkmaar-Class Minehunter", "Cargo Drones"), "Naval Vessels");
  EXPECT_EQ(OryxCategory("Malloy Aeronautics T150", "Cargo Drones"), "Cargo Drones");
  // Elsewhere the scraped type stands, whatever the name says.
  EXPECT_EQ(OryxCategory("Radar-guided gun", "Self-Propelled Anti-Air Guns"), "Self-Propelled Anti-Air Guns");
}

}  // namespace
}  // namespace ramstein
