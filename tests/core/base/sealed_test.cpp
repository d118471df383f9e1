// Sealed text (docs/api.md, Sealed text): round trips, the exact bytes for a known key and nonce (the same test
// runs natively and as WebAssembly, so both builds must produce them), wrong passphrase vs damaged data, and
// the shape rule the server applies.
#include <gtest/gtest.h>

#include "tandem/sync/entity.h"
#include "tandem/sync/policy.h"
#include "tandem/base/sealed.h"

namespace tandem {
namespace {

SealKey counting_key() {
    SealKey key;
    for (size_t i = 0; i < key.bytes.size(); ++i) key.bytes[i] = static_cast<unsigned char>(i);
    return key;
}

TEST(Sealed, KnownKeyAndNonceGiveTheSameBytesOnEveryBuild) {
    const std::string nonce(kSealNonceBytes, '\x07');
    const std::string sealed = seal_with_nonce(counting_key(), "Ça va? 1:1 notes", nonce);
    // Recorded from the native build; the WebAssembly build must match it byte for byte.
    EXPECT_EQ(sealed, "sealed:v1:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHJTg6+CgI+7RNoEQHLkgNRetQZDapkXScnrXSNCs+faOt");
    EXPECT_EQ(open_sealed(counting_key(), sealed).text, "Ça va? 1:1 notes");
}

TEST(Sealed, SealThenOpenRoundTripsAnyText) {
    const SealKey key = counting_key();
    const std::string texts[] = {"", "x", std::string(5000, 'a'), "日本語\n\tline"};
    for (const std::string& text : texts) {
        const std::string sealed = seal(key, text);
        EXPECT_TRUE(is_sealed_text(sealed));
        OpenedText opened = open_sealed(key, sealed);
        EXPECT_EQ(opened.status, OpenStatus::Opened);
        EXPECT_EQ(opened.text, text);
    }
    EXPECT_NE(seal(key, "same"), seal(key, "same")) << "a fresh nonce every time";
}

TEST(Sealed, TheRightPassphraseUnlocksOnASecondDeviceAndAWrongOneIsToldApart) {
    NewKey made = create_seal_key("correct horse battery", KeyCost::minimum());
    // A second device has only what the server keeps: the encoded parameters.
    auto params = KeyParams::decode(made.params.encode());
    ASSERT_TRUE(params);
    auto again = unlock_seal_key(*params, "correct horse battery");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->bytes, made.key.bytes);
    EXPECT_EQ(open_sealed(*again, seal(made.key, "from device one")).text, "from device one");
    EXPECT_FALSE(unlock_seal_key(*params, "correct horse battery!"));
    EXPECT_FALSE(unlock_seal_key(*params, ""));
}

TEST(Sealed, DamagedDataIsNotMistakenForAWrongKey) {
    const SealKey key = counting_key();
    std::string sealed = seal(key, "notes");
    std::string damaged = sealed;
    damaged[kSealedPrefix.size() + 40] = damaged[kSealedPrefix.size() + 40] == 'A' ? 'B' : 'A';
    EXPECT_EQ(open_sealed(key, damaged).status, OpenStatus::Damaged);
    EXPECT_EQ(open_sealed(key, "plain text").status, OpenStatus::NotSealed);
    EXPECT_EQ(open_sealed(key, sealed.substr(0, sealed.size() - 4)).status, OpenStatus::Damaged)
        << "cut short but still a valid shape";
}

TEST(Sealed, TheShapeRuleMatchesTheContract) {
    const std::string forty_bytes_b64 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";  // 42 bytes
    EXPECT_TRUE(is_sealed_text("sealed:v1:" + forty_bytes_b64));
    EXPECT_FALSE(is_sealed_text(forty_bytes_b64));
    EXPECT_FALSE(is_sealed_text("sealed:v2:" + forty_bytes_b64));
    EXPECT_FALSE(is_sealed_text("sealed:v1:AAAA"));                                   // 3 bytes: too short
    EXPECT_FALSE(is_sealed_text("sealed:v1:" + forty_bytes_b64.substr(0, 54) + "A"));  // unpadded
    EXPECT_FALSE(is_sealed_text("sealed:v1:" + forty_bytes_b64.substr(0, 52) + "A-_A"));  // URL alphabet
    EXPECT_FALSE(is_sealed_text("sealed:v1:" + forty_bytes_b64 + " "));
    EXPECT_FALSE(is_sealed_text("sealed:v1:" + std::string(52, 'A')));          // 39 bytes: one short
    EXPECT_TRUE(is_sealed_text("sealed:v1:" + std::string(52, 'A') + "AA=="));  // 40 bytes: nonce and tag
}

TEST(Sealed, UnsealedPrivateNotesAndJournalEntriesAreInvalid) {
    const std::string sealed = seal(counting_key(), "ok");
    const EntitySpec& note = *find_entity("private_note");
    const EntitySpec& journal = *find_entity("journal_entry");
    EXPECT_EQ(validate_fields(note, Json{{"text", "plain words"}}, false)->code, "invalid_change");
    EXPECT_FALSE(validate_fields(note, Json{{"text", sealed}}, false));
    EXPECT_EQ(validate_fields(journal, Json{{"text", "plain words"}}, false)->code, "invalid_change");
    EXPECT_FALSE(validate_fields(journal, Json{{"text", sealed}}, false));
}

TEST(Sealed, KeyParametersOutOfBoundsAreRefused) {
    NewKey made = create_seal_key("pass", KeyCost::minimum());
    EXPECT_TRUE(KeyParams::decode(made.params.encode()));
    KeyParams costly = made.params;
    costly.cost.ops = 1000;
    EXPECT_FALSE(KeyParams::decode(costly.encode())) << "a record may not make a device work for minutes";
    costly = made.params;
    costly.cost.mem_bytes = size_t(4) << 30;
    EXPECT_FALSE(KeyParams::decode(costly.encode()));
    EXPECT_FALSE(KeyParams::decode("argon2id:2:67108864:AAAA:" + made.params.check)) << "salt too short";
}

TEST(Sealed, OnlyTheOwnerWritesTheirKeyAndJournal) {
    OrgChart org;
    Actor me{"0190a000-0000-7000-8000-000000000001", Role::Manager};
    Change change;
    change.fields = Json{{"owner_id", "0190a000-0000-7000-8000-000000000002"}};
    EXPECT_EQ(may_write(me, *find_entity("journal_entry"), change, nullptr, nullptr, org)->code, "forbidden");
    change.fields["owner_id"] = me.person_id;
    EXPECT_FALSE(may_write(me, *find_entity("journal_entry"), change, nullptr, nullptr, org));
    EXPECT_FALSE(may_write(me, *find_entity("sealing_key"), change, nullptr, nullptr, org));
    RecordMeta someone_elses{"sealing_key", "0190a000-0000-7000-8000-000000000002", me.person_id};
    EXPECT_EQ(may_write(me, *find_entity("sealing_key"), change, &someone_elses, nullptr, org)->code, "forbidden");
    EXPECT_FALSE(may_read(me, someone_elses, org));
}

}  // namespace
}  // namespace tandem
