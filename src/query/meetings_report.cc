#include <algorithm>

#include "query/labels.h"
#include "query/reports.h"

namespace ramstein {

namespace {

std::vector<const AttendanceRecord*> AttendanceOf(const Model& model, const std::string& meeting) {
  std::vector<const AttendanceRecord*> out;
  for (const StoredRecord* stored : model.All(RecordKind::attendance)) {
    const auto& attendance = std::get<AttendanceRecord>(stored->record);
    if (attendance.meeting == meeting) out.push_back(&attendance);
  }
  return out;
}

std::vector<const MeasureRecord*> MeasuresAt(const Model& model, const std::string& meeting) {
  std::vector<const MeasureRecord*> out;
  for (std::uint32_t m = 0; m < model.measures().size(); ++m) {
    const MeasureRecord& measure = model.Measure(m);
    if (measure.meeting == meeting) out.push_back(&measure);
  }
  return out;
}

std::string Chairs(const Model& model, const MeetingRecord& meeting) {
  std::string out;
  for (const auto& chair : meeting.chairs)
    out += (out.empty() ? "" : "; ") + PersonWithActor(model, chair);
  return out;
}

std::string Amount(const std::optional<Money>& money) {
  return money ? std::string(money->currency.code()) + " " + AmountText(money) : "";
}

}  // namespace

Table MeetingsReport(const Model& model) {
  Table table;
  table.title = "Meetings";
  for (const char* name :
       {"meeting", "forum", "number", "date", "title", "venue", "format", "state", "chairs",
        "in_person", "virtual", "absent", "attended", "measures"}) {
    bool integer = std::string_view(name) == "number" || std::string_view(name) == "in_person" ||
                   std::string_view(name) == "virtual" || std::string_view(name) == "absent" ||
                   std::string_view(name) == "attended" || std::string_view(name) == "measures";
    table.AddColumn(name, integer ? Column::Type::integer : Column::Type::text);
  }
  auto meetings = model.All(RecordKind::meeting);
  std::stable_sort(
      meetings.begin(), meetings.end(), [](const StoredRecord* a, const StoredRecord* b) {
        return std::get<MeetingRecord>(a->record).date < std::get<MeetingRecord>(b->record).date;
      });
  for (const StoredRecord* stored : meetings) {
    const auto& meeting = std::get<MeetingRecord>(stored->record);
    int counts[4] = {0, 0, 0, 0};
    for (const auto* attendance : AttendanceOf(model, meeting.id))
      ++counts[static_cast<int>(attendance->mode)];
    auto& row = table.AddRow();
    row[0] = meeting.id;
    row[1] = meeting.forum.value_or("");
    row[2] = meeting.number ? std::to_string(*meeting.number) : "";
    row[3] = meeting.date.ToString();
    row[4] = meeting.title;
    row[5] = meeting.venue.value_or("");
    row[6] = std::string(kMeetingFormatNames[static_cast<std::size_t>(meeting.format)]);
    row[7] = std::string(kMeetingStateNames[static_cast<std::size_t>(meeting.state)]);
    row[8] = Chairs(model, meeting);
    for (int i = 0; i < 4; ++i) row[9 + static_cast<std::size_t>(i)] = std::to_string(counts[i]);
    row[13] = std::to_string(MeasuresAt(model, meeting.id).size());
  }
  return table;
}

Result<MeetingReport> MeetingDetail(const Model& model, const std::string& key) {
  const MeetingRecord* meeting = model.FindAs<MeetingRecord>(key);
  if (!meeting) {
    for (const StoredRecord* stored : model.All(RecordKind::meeting)) {
      const auto& m = std::get<MeetingRecord>(stored->record);
      if (m.number && std::to_string(*m.number) == key && m.forum == "forum:udcg") meeting = &m;
    }
  }
  if (!meeting)
    return Status::NotFound("no meeting '" + key +
                            "' (give a meeting id or a UDCG meeting number)");
  MeetingReport report;
  report.facts.title = meeting->title;
  report.facts.AddColumn("field");
  report.facts.AddColumn("value");
  auto fact = [&](const char* field, std::string value) {
    if (value.empty()) return;
    auto& row = report.facts.AddRow();
    row[0] = field;
    row[1] = std::move(value);
  };
  fact("meeting", meeting->id);
  fact("forum", meeting->forum ? Label(model, *meeting->forum) : "");
  fact("number", meeting->number ? std::to_string(*meeting->number) : "");
  fact("date", meeting->date.ToString());
  fact("venue", meeting->venue.value_or(""));
  fact("format", std::string(kMeetingFormatNames[static_cast<std::size_t>(meeting->format)]));
  fact("state", std::string(kMeetingStateNames[static_cast<std::size_t>(meeting->state)]));
  fact("chairs", Chairs(model, *meeting));
  fact("note", meeting->note.value_or(""));

  report.attendance.title = "Attendance";
  for (const char* name : {"actor", "name", "person", "mode", "attendance"})
    report.attendance.AddColumn(name);
  for (const auto* attendance : AttendanceOf(model, meeting->id)) {
    auto& row = report.attendance.AddRow();
    row[0] = attendance->actor;
    row[1] = Label(model, attendance->actor);
    row[2] = attendance->person ? Label(model, *attendance->person) : "";
    row[3] = std::string(kAttendanceModeNames[static_cast<std::size_t>(attendance->mode)]);
    row[4] = attendance->id;
  }
  report.measures.title = "Measures announced";
  for (const char* name : {"measure", "donor", "recipient", "status", "title", "value"})
    report.measures.AddColumn(name);
  for (const MeasureRecord* measure : MeasuresAt(model, meeting->id)) {
    auto& row = report.measures.AddRow();
    row[0] = measure->id;
    row[1] = measure->donor;
    row[2] = measure->recipient;
    row[3] = std::string(kMeasureStatusNames[static_cast<std::size_t>(measure->status)]);
    row[4] = measure->title;
    row[5] = Amount(measure->value);
  }
  return report;
}

}  // namespace ramstein
