// The Oryx list of heavy equipment supplied to Ukraine (and to Russia), as
// scraped to CSV (donated_vehicles.csv: id, vehicle_name, vehicle_type,
// supplier, recipient, count, is_delivered, proof, ...): one row a system
// from one supplier, with one evidence link.
//
// Each row becomes a measure of the supplier to the recipient ("delivered"
// when Oryx marks it delivered, else "announced"; Oryx gives no dates, so it
// is undated), with one line: the system, resolved through the item
// catalogue or kept as an unreviewed item, and its count (0 in Oryx means a
// count it does not know: the line then has none). The row is quoted from
// the file and its proof link cited as a web page. Ids are Oryx's
// ("measure:oryx/286", "-2" for a repeated id).
//
// The scraped vehicle_type is wrong for every row after the page's "Cargo
// Drones" heading (radars, engineering vehicles and boats are filed as
// drones) and for the self-propelled guns, mortars and rocket launchers
// filed as "Towed Artillery": for those rows the category is re-derived from
// the system's name (OryxCategory) and the line's note says so. Suppliers resolve through the
// catalogue and Oryx's spellings ("Czech Republic", "Macedonia", "Turkey");
// "NONE" is the catalogue's UNSPECIFIED donor.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/dataset/dataset_batch.h"

namespace ramstein {

DatasetBatch ParseOryx(const std::vector<InputFile>& files, const Catalog& catalog,
                          const ParseProgress& progress = {});

// The category of a system Oryx filed under `vehicle_type`: the type itself,
// except under "Cargo Drones" ("Radars", "Engineering Vehicles", "Naval
// Vessels") and "Towed Artillery" ("Multiple Rocket Launchers", "Mortars",
// "Self-Propelled Artillery"), where the name decides; a name no rule knows
// keeps the type it was filed under.
std::string OryxCategory(std::string_view name, std::string_view vehicle_type);

}  // namespace ramstein
