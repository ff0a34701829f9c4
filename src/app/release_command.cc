// `ramstein release create NAME` and `ramstein release diff A B`: frozen
// views of the ledger and what changed between two of them.
#include <cstdio>

#include "app/commands.h"
#include "render/table_format.h"
#include "ledger/record_codec.h"
#include "query/reports.h"

namespace ramstein {

int RunReleaseCreate(AppContext& context, const std::string& name, const std::string& counted) {
  Status opened = context.Open(SqliteEventStore::Mode::open_existing);
  if (!opened.ok()) return Fail(opened);
  ReleaseRecord release;
  release.id = "release:" + name;
  if (name.empty() || !IsValidId(release.id))
    return Fail(Status::InvalidArgument("release name '" + name + "': letters, digits, . _ : / - only"));
  release.name = name;
  release.sequence = static_cast<std::int64_t>(context.db->head().sequence);
  std::size_t status = 0;
  while (status < kMeasureStatusNames.size() && kMeasureStatusNames[status] != counted) ++status;
  if (status == kMeasureStatusNames.size())
    return Fail(Status::InvalidArgument("--counted: '" + counted + "' is not a measure status"));
  release.counted = static_cast<MeasureStatus>(status);
  Date today;
  today.days = static_cast<std::int32_t>(context.clock.NowMs() / 86'400'000);
  release.created = today;
  release.fx_sha256 = context.rates_sha256;
  std::vector<Record> batch;
  batch.push_back(release);
  auto appended = context.db->Append(std::move(batch), context.author);
  if (!appended.ok()) return Fail(appended.status());
  std::printf("release %s: the ledger at event %lld, counting %s measures and later, ECB rates %s\n",
              name.c_str(), static_cast<long long>(release.sequence), counted.c_str(),
              context.rates_sha256.substr(0, 12).c_str());
  return kExitOk;
}

int RunReleaseDiff(AppContext& context, const std::string& a, const std::string& b) {
  Status opened = context.Open(SqliteEventStore::Mode::read_only);
  if (!opened.ok()) return Fail(opened);
  const ReleaseRecord* releases[2] = {context.db->model().FindAs<ReleaseRecord>("release:" + a),
                                      context.db->model().FindAs<ReleaseRecord>("release:" + b)};
  for (int i = 0; i < 2; ++i) {
    if (!releases[i]) return Fail(Status::NotFound("no release '" + std::string(i ? b : a) + "'"));
    if (releases[i]->fx_sha256 && *releases[i]->fx_sha256 != context.rates_sha256) {
      std::fprintf(stderr,
                   "note: release %s was made with other ECB rates (%s); both views use the rates loaded now\n",
                   releases[i]->name.c_str(), releases[i]->fx_sha256->substr(0, 12).c_str());
    }
  }
  auto before = context.db->ModelAt(static_cast<std::uint64_t>(releases[0]->sequence));
  auto after = context.db->ModelAt(static_cast<std::uint64_t>(releases[1]->sequence));
  if (!before.ok()) return Fail(before.status());
  if (!after.ok()) return Fail(after.status());
  Table table = ReleaseDiffReport(**before, *releases[0], **after, *releases[1]);
  std::fputs(FormatTable(table, context.format()).c_str(), stdout);
  return kExitOk;
}

}  // namespace ramstein
