// Signed checkpoints held elsewhere against a ledger changed behind their
// back: truncated with its head rewritten, rolled back to an older copy,
// rebuilt and re-hashed whole, forked into two histories. Plain `verify`
// passes each of these ledgers (pinned here: that is the gap checkpoints
// close); `verify --checkpoint` names each. And the proofs `prove` prints
// verify with nothing but the checkpoint and the event.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "db/ledger_tree.h"
#include "ledger/checkpoint.h"
#include "ledger/merkle_tree.h"
#include "store/sqlite/sqlite_event_store.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

std::string Quote(const std::string& text) { return "'" + text + "'"; }

// A source record with a text of its own, different per `name`.
std::string SourceRecord(const std::string& name) {
  return R"({"kind": "source", "id": "src:)" + name + R"(", "title": ")" + name +
         R"(", "publisher": "A test", "sha256": "", "text": "written for )" + name + R"("})";
}

class CheckpointScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    static const std::string pristine = [] {
      std::string path = TempDir("checkpoint-pristine") + "/ledger.db";
      auto result = Ramstein("--db " + Quote(path) + " init --bundled");
      EXPECT_EQ(result.exit_code, 0) << result.err;
      Shell("sqlite3 " + Quote(path) + " 'PRAGMA wal_checkpoint(TRUNCATE);'");
      return path;
    }();
    dir_ = TempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    pristine_ = pristine;
  }
  // A copy of the bundled ledger (with its -ack file and its signing key).
  std::string Copy(const std::string& name) {
    const std::string path = dir_ + "/" + name + ".db";
    for (const std::string suffix : {"", "-ack", ".key"}) {
      if (std::filesystem::exists(pristine_ + suffix)) {
        std::filesystem::copy_file(pristine_ + suffix, path + suffix);
      }
    }
    return path;
  }
  CommandResult Run(const std::string& db, const std::string& arguments, const std::string& input = "") {
    return Ramstein("--db " + Quote(db) + " " + arguments, input);
  }
  // The ledger's checkpoint, written to a file of its own.
  std::string Checkpoint(const std::string& db, const std::string& name) {
    auto result = Run(db, "checkpoint");
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out.back(), '\n');
    EXPECT_EQ(result.out.find('\n'), result.out.size() - 1) << "one line: " << result.out;
    const std::string path = dir_ + "/" + name + ".jsonl";
    WriteText(path, result.out);
    return path;
  }
  void Add(const std::string& db, const std::string& name) {
    auto added = Run(db, "add", SourceRecord(name));
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }
  std::string dir_, pristine_;
};

TEST_F(CheckpointScenario, InitMakesAKeyOfItsOwnersAloneThatIsNotInTheLedger) {
  const std::string db = Copy("ledger");
  struct stat info {};
  ASSERT_EQ(::stat((db + ".key").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  const std::string key_text = ReadText(db + ".key");
  const std::string secret = key_text.substr(key_text.find(' ') + 1, 128);
  ASSERT_EQ(secret.size(), 128u);
  auto dump = Shell("sqlite3 " + Quote(db) + " .dump");
  ASSERT_EQ(dump.exit_code, 0);
  EXPECT_EQ(dump.out.find(secret.substr(0, 64)), std::string::npos) << "the secret key is in the ledger";
  // --signing-key names another file; a missing one is a clear error.
  auto elsewhere = Run(db, "--signing-key " + Quote(dir_ + "/absent.key") + " checkpoint");
  EXPECT_EQ(elsewhere.exit_code, 2);
  EXPECT_NE(elsewhere.err.find("absent.key"), std::string::npos) << elsewhere.err;
  // A key others may read is refused.
  ASSERT_EQ(::chmod((db + ".key").c_str(), 0640), 0);
  auto open = Run(db, "checkpoint");
  EXPECT_EQ(open.exit_code, 2);
  EXPECT_NE(open.err.find("chmod 600"), std::string::npos) << open.err;
}

TEST_F(CheckpointScenario, AnUntouchedLedgerHoldsToItsCheckpointsOldAndNew) {
  const std::string db = Copy("ledger");
  const std::string first = Checkpoint(db, "first");
  Add(db, "later");
  const std::string second = Checkpoint(db, "second");
  auto verified = Run(db, "verify --checkpoint " + Quote(first) + " " + Quote(second));
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  const std::uint64_t events = HeadSequence(db);
  EXPECT_NE(verified.out.find("ok: 2 checkpoints hold; the ledger's events 1.." + std::to_string(events)),
            std::string::npos)
      << verified.out;
}

TEST_F(CheckpointScenario, TruncatedWithItsHeadRewrittenIsNamedRolledBack) {
  const std::string db = Copy("ledger");
  const std::uint64_t events = HeadSequence(db);
  const std::string published = Checkpoint(db, "published");
  // Remove the last five events and write the head of the one before them,
  // as someone with the file would; without the -ack file nothing is claimed.
  const std::uint64_t kept = events - 5;
  const std::string keep = std::to_string(kept);
  auto hash = Shell("sqlite3 " + Quote(db) + " \"SELECT lower(hex(hash)) FROM events WHERE sequence = " + keep + ";\"");
  ASSERT_EQ(hash.exit_code, 0);
  std::string head;  // meta('head'): the sequence as 8 little-endian bytes, then the hash
  for (int i = 0; i < 8; ++i) {
    char byte[3];
    std::snprintf(byte, sizeof byte, "%02x", static_cast<unsigned>((kept >> (8 * i)) & 0xff));
    head += byte;
  }
  head += hash.out.substr(0, 64);
  auto cut = Shell("sqlite3 " + Quote(db) + " \"DELETE FROM events WHERE sequence > " + keep +
                   "; UPDATE meta SET value = X'" + head + "' WHERE key = 'head';\"");
  ASSERT_EQ(cut.exit_code, 0) << cut.err;
  std::filesystem::remove(db + "-ack");
  auto plain = Run(db, "verify");
  ASSERT_EQ(plain.exit_code, 0) << "plain verify should pass a cleanly truncated ledger: " << plain.err;
  auto held = Run(db, "verify --checkpoint " + Quote(published));
  EXPECT_EQ(held.exit_code, 2);
  EXPECT_NE(held.err.find("rolled back: checkpoint " + published + ":1 (event " + std::to_string(events) +
                          "): the ledger was rolled back: it saw " + std::to_string(events) +
                          " events, the ledger holds " + keep),
            std::string::npos)
      << held.err;
}

TEST_F(CheckpointScenario, AnOlderCopyRestoredIsNamedRolledBack) {
  const std::string older = Copy("older");
  const std::string db = Copy("ledger");
  Add(db, "after-the-copy");
  const std::string published = Checkpoint(db, "published");
  ASSERT_EQ(Run(older, "verify").exit_code, 0);
  auto held = Run(older, "verify --checkpoint " + Quote(published));
  EXPECT_EQ(held.exit_code, 2);
  EXPECT_NE(held.err.find("rolled back:"), std::string::npos) << held.err;
}

TEST_F(CheckpointScenario, ALedgerRebuiltAndRehashedWholeIsNamedRewritten) {
  const std::string db = Copy("ledger");
  const std::string published = Checkpoint(db, "published");
  // Rebuild it with one measure's title changed and every hash after it
  // recomputed, as a forger with the code would: a ledger consistent with itself.
  std::vector<Event> events;
  {
    auto store = SqliteEventStore::Open(db, SqliteEventStore::Mode::read_only);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)->Scan(0, [&](const EventView& e) {
      events.push_back(Event::Of(e));
      return Status::Ok();
    }).ok());
  }
  bool changed = false;
  Hash previous{};
  std::string scratch;
  for (Event& event : events) {
    const auto at = event.payload.find("\"title\":\"");
    if (!changed && event.sequence > 300 && event.type == static_cast<std::uint16_t>(RecordKind::measure) &&
        at != std::string::npos) {
      event.payload.insert(at + 9, "Edited: ");
      changed = true;
    }
    event.hash = ChainHash(previous, event.view(), scratch);
    previous = event.hash;
  }
  ASSERT_TRUE(changed);
  const std::string forged = dir_ + "/forged.db";
  {
    auto store = SqliteEventStore::Open(forged, SqliteEventStore::Mode::create);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)->Append(StoreHead{}, events).ok());
  }
  auto plain = Run(forged, "verify");
  ASSERT_EQ(plain.exit_code, 0) << "plain verify should pass a ledger rebuilt whole: " << plain.err;
  auto held = Run(forged, "verify --checkpoint " + Quote(published));
  EXPECT_EQ(held.exit_code, 2);
  EXPECT_NE(held.err.find("rewritten: checkpoint " + published + ":1"), std::string::npos) << held.err;
  EXPECT_NE(held.err.find("the ledger was rewritten"), std::string::npos) << held.err;
}

TEST_F(CheckpointScenario, TwoHistoriesShownToTwoReadersAreNamedAFork) {
  const std::string one = Copy("one");
  const std::string two = Copy("two");
  Add(one, "told-to-the-first-reader");
  Add(two, "told-to-the-second-reader");
  const std::string first = Checkpoint(one, "first");
  const std::string second = Checkpoint(two, "second");
  auto held = Run(one, "verify --checkpoint " + Quote(first) + " " + Quote(second));
  EXPECT_EQ(held.exit_code, 2);
  EXPECT_NE(held.err.find("fork: checkpoint " + first + ":1"), std::string::npos) << held.err;
  EXPECT_NE(held.err.find("cannot both be on one chain"), std::string::npos) << held.err;
  // An earlier checkpoint on the other branch, against a later one on this.
  Add(one, "more");
  const std::string later = Checkpoint(one, "later");
  auto branch = Run(one, "verify --checkpoint " + Quote(second) + " " + Quote(later));
  EXPECT_EQ(branch.exit_code, 2);
  EXPECT_NE(branch.err.find("fork: checkpoint " + second + ":1"), std::string::npos) << branch.err;
}

TEST_F(CheckpointScenario, ABadSignatureOrAnotherLedgersCheckpointIsNamed) {
  const std::string db = Copy("ledger");
  const std::string published = Checkpoint(db, "published");
  std::string line = ReadText(published);
  const auto at = line.find("\"signature\":\"") + 13;
  line[at] = line[at] == '0' ? '1' : '0';
  WriteText(dir_ + "/forged.jsonl", line);
  auto bad = Run(db, "verify --checkpoint " + Quote(dir_ + "/forged.jsonl"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad signature:"), std::string::npos) << bad.err;
  const std::string other = dir_ + "/other.db";
  ASSERT_EQ(Ramstein("--db " + Quote(other) + " init --bundled").exit_code, 0);
  auto foreign = Run(other, "verify --checkpoint " + Quote(published));
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_NE(foreign.err.find("another ledger:"), std::string::npos) << foreign.err;
  // A damaged file: its line and field named, nothing judged.
  WriteText(dir_ + "/broken.jsonl", ReadText(published) + "{\"head\":1}\n");
  auto broken = Run(db, "verify --checkpoint " + Quote(dir_ + "/broken.jsonl"));
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("broken.jsonl:2: checkpoint field 'head' must be a string"), std::string::npos)
      << broken.err;
}

// A value of a one-line JSON object printed by `prove`, by key.
std::string Field(const std::string& json, const std::string& key) {
  const auto at = json.find("\"" + key + "\":");
  if (at == std::string::npos) return "";
  std::size_t start = at + key.size() + 3;
  std::size_t end = json[start] == '[' ? json.find(']', start) + 1
                    : json[start] == '"' ? json.find('"', start + 1) + 1
                                         : json.find_first_of(",}", start);
  return json.substr(start, end - start);
}

Hash FromHex(const std::string& quoted) {
  Hash hash{};
  for (std::size_t i = 0; i < 32; ++i) hash[i] = static_cast<std::uint8_t>(std::stoi(quoted.substr(1 + 2 * i, 2), nullptr, 16));
  return hash;
}

std::vector<Hash> Hashes(const std::string& list) {
  std::vector<Hash> out;
  for (std::size_t at = list.find('"'); at != std::string::npos; at = list.find('"', at + 66)) {
    out.push_back(FromHex(list.substr(at, 66)));
  }
  return out;
}

TEST_F(CheckpointScenario, ProofsVerifyWithOnlyTheCheckpointAndTheEvent) {
  const std::string db = Copy("ledger");
  const std::string first = Checkpoint(db, "first");
  Add(db, "after-the-first");
  Add(db, "and-another");
  const std::string second = Checkpoint(db, "second");
  auto first_checkpoint = ParseCheckpoint(ReadText(first));
  auto second_checkpoint = ParseCheckpoint(ReadText(second));
  ASSERT_TRUE(first_checkpoint.ok() && second_checkpoint.ok());
  // Event 700 is in the first checkpoint's tree: its leaf is the hash of
  // the event's bytes as the reader has them.
  auto proved = Run(db, "prove 700 --checkpoint " + Quote(first));
  ASSERT_EQ(proved.exit_code, 0) << proved.err;
  std::string entry;
  {
    auto store = SqliteEventStore::Open(db, SqliteEventStore::Mode::read_only);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Scan(699, [&](const EventView& e) {
      if (e.sequence == 700) AppendCanonicalBytes(e, entry);
      return Status::Ok();
    }).ok());
  }
  const Hash leaf = MerkleLeafHash(entry);
  EXPECT_EQ("\"" + HashToHex(leaf) + "\"", Field(proved.out, "leaf"));
  EXPECT_EQ(Field(proved.out, "size"), std::to_string(first_checkpoint->sequence));
  const auto inclusion = Hashes(Field(proved.out, "inclusion"));
  EXPECT_TRUE(VerifyInclusion(699, first_checkpoint->sequence, leaf, inclusion, first_checkpoint->root));
  Hash other = leaf;
  other[0] ^= 1;
  EXPECT_FALSE(VerifyInclusion(699, first_checkpoint->sequence, other, inclusion, first_checkpoint->root));
  // The second checkpoint extends the first, shown by a handful of hashes.
  auto extends = Run(db, "prove --from " + Quote(first) + " --checkpoint " + Quote(second));
  ASSERT_EQ(extends.exit_code, 0) << extends.err;
  const auto consistency = Hashes(Field(extends.out, "consistency"));
  EXPECT_LE(consistency.size(), 24u);
  EXPECT_TRUE(VerifyConsistency(first_checkpoint->sequence, second_checkpoint->sequence, first_checkpoint->root,
                                second_checkpoint->root, consistency));
  // An event past the checkpoint is not in its tree.
  auto past = Run(db, "prove " + std::to_string(second_checkpoint->sequence) + " --checkpoint " + Quote(first));
  EXPECT_EQ(past.exit_code, 2);
}

TEST_F(CheckpointScenario, AWitnessCosignsWhatExtendsWhatItSawAndVerifySaysWhoSawWhat) {
  const std::string db = Copy("ledger");
  const std::string witness = dir_ + "/witness.db";
  ASSERT_EQ(Ramstein("--db " + Quote(witness) + " init").exit_code, 0);
  Add(witness, "the-witness-own-first-record");
  const std::string first = Checkpoint(db, "first");
  auto cosigned = Run(witness, "witness " + Quote(first));
  ASSERT_EQ(cosigned.exit_code, 0) << cosigned.err;
  EXPECT_NE(cosigned.out.find("\"type\":\"ramstein-cosignature-1\""), std::string::npos) << cosigned.out;
  WriteText(dir_ + "/cosigned-first.jsonl", cosigned.out);
  // Later: cosigned only with the proof that it extends what was seen.
  Add(db, "later");
  const std::string second = Checkpoint(db, "second");
  auto unproved = Run(witness, "witness " + Quote(second));
  EXPECT_NE(unproved.exit_code, 0);
  EXPECT_NE(unproved.err.find("give --proof"), std::string::npos) << unproved.err;
  auto proof = Run(db, "prove --from " + Quote(first) + " --checkpoint " + Quote(second));
  ASSERT_EQ(proof.exit_code, 0) << proof.err;
  WriteText(dir_ + "/proof.json", proof.out);
  auto extended = Run(witness, "witness " + Quote(second) + " --proof " + Quote(dir_ + "/proof.json"));
  ASSERT_EQ(extended.exit_code, 0) << extended.err;
  EXPECT_NE(extended.err.find("it extends event " + std::to_string(HeadSequence(db) - 1)), std::string::npos)
      << extended.err;
  WriteText(dir_ + "/cosigned-second.jsonl", extended.out);
  auto older = Run(witness, "witness " + Quote(first));
  EXPECT_NE(older.exit_code, 0);
  EXPECT_NE(older.err.find("older than event"), std::string::npos) << older.err;
  // verify names each cosignature and what each witness saw.
  auto held = Run(db, "verify --checkpoint " + Quote(first) + " " + Quote(dir_ + "/cosigned-first.jsonl") + " " +
                          Quote(dir_ + "/cosigned-second.jsonl"));
  EXPECT_EQ(held.exit_code, 0) << held.err;
  const std::string witness_id = ReadText(dir_ + "/cosigned-second.jsonl").substr(
      ReadText(dir_ + "/cosigned-second.jsonl").find("\"witness\":\"") + 11, 32);
  EXPECT_NE(held.out.find("holds: cosignature by witness " + witness_id), std::string::npos) << held.out;
  EXPECT_NE(held.out.find("witness " + witness_id + " (key "), std::string::npos) << held.out;
  EXPECT_NE(held.out.find(") saw events 1.." + std::to_string(HeadSequence(db))), std::string::npos) << held.out;
  // A cosignature whose bytes were changed proves nothing.
  std::string forged = ReadText(dir_ + "/cosigned-second.jsonl");
  forged.replace(forged.find("\"sequence\":") + 11, 1, "9");
  WriteText(dir_ + "/forged.jsonl", forged);
  auto bad = Run(db, "verify --checkpoint " + Quote(dir_ + "/forged.jsonl"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad signature"), std::string::npos) << bad.err;
}

TEST_F(CheckpointScenario, AWitnessShownAnotherHistoryRefusesToCosignAndNamesTheFork) {
  const std::string one = Copy("one");
  const std::string two = Copy("two");
  const std::string witness = dir_ + "/witness.db";
  ASSERT_EQ(Ramstein("--db " + Quote(witness) + " init").exit_code, 0);
  Add(witness, "the-witness-own-first-record");
  Add(one, "told-to-the-witness");
  Add(two, "told-to-someone-else");
  const std::string seen = Checkpoint(one, "seen");
  ASSERT_EQ(Run(witness, "witness " + Quote(seen)).exit_code, 0);
  // The same event number with another root.
  const std::string other = Checkpoint(two, "other");
  auto same_size = Run(witness, "witness " + Quote(other));
  EXPECT_EQ(same_size.exit_code, 2);
  EXPECT_NE(same_size.err.find("fork: "), std::string::npos) << same_size.err;
  // Later on the other branch, with a proof from that branch's own past.
  Add(two, "more-of-the-other-branch");
  const std::string later = Checkpoint(two, "later");
  auto proof = Run(two, "prove --from " + Quote(other) + " --checkpoint " + Quote(later));
  ASSERT_EQ(proof.exit_code, 0) << proof.err;
  WriteText(dir_ + "/proof.json", proof.out);
  auto extended = Run(witness, "witness " + Quote(later) + " --proof " + Quote(dir_ + "/proof.json"));
  EXPECT_EQ(extended.exit_code, 2);
  EXPECT_NE(extended.err.find("does not extend what this witness saw event"), std::string::npos) << extended.err;
}

}  // namespace
}  // namespace ramstein::testing
