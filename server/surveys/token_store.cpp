#include "surveys/token_store.h"

#include <sodium.h>

#include <algorithm>

#include "tandem/base/ids.h"
#include "tandem/surveys/survey_results.h"

namespace tandem::server {

std::vector<std::string> invited_groups(const std::string& audience, const OrgChart& org) {
    std::vector<std::string> roots = audience == "org" ? org.top_managers() : split_ids(audience);
    std::vector<std::string> groups;
    for (const auto& root : roots)
        for (const auto& person : org.tree_of(root))
            if (!org.reports_of(person).empty()) groups.push_back(survey::team_group(person));
    std::sort(groups.begin(), groups.end());
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    return groups;
}

std::vector<GroupKey> load_group_keys(Store& store, const std::string& survey_id) {
    Statement query(store.database(),
                    "SELECT group_key, secret_key, public_key FROM survey_token_key WHERE survey_id = ? "
                    "ORDER BY group_key");
    query.bind(1, survey_id);
    std::vector<GroupKey> keys;
    while (query.step()) keys.push_back(GroupKey{query.text(0), voprf::KeyPair{query.blob(1), query.blob(2)}});
    return keys;
}

std::optional<GroupKey> load_group_key(Store& store, const std::string& survey_id, const std::string& group) {
    Statement query(store.database(),
                    "SELECT secret_key, public_key FROM survey_token_key WHERE survey_id = ? AND group_key = ?");
    query.bind(1, survey_id).bind(2, group);
    if (!query.step()) return std::nullopt;
    return GroupKey{group, voprf::KeyPair{query.blob(0), query.blob(1)}};
}

void ensure_group_keys(Store& writer, const std::string& survey_id, const std::vector<std::string>& groups) {
    Statement insert(writer.database(),
                     "INSERT INTO survey_token_key(survey_id, group_key, secret_key, public_key) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
    for (const auto& group : groups) {
        const voprf::KeyPair key = voprf::generate_key_pair();
        insert.bind(1, survey_id).bind(2, group).bind_blob(3, key.secret_key).bind_blob(4, key.public_key).run();
    }
}

bool token_issued(Store& store, const std::string& survey_id, const std::string& person_id) {
    Statement query(store.database(),
                    "SELECT 1 FROM survey_token_issued WHERE survey_id = ? AND person_id = ?");
    query.bind(1, survey_id).bind(2, person_id);
    return query.step();
}

void record_issuance(Store& writer, const std::string& survey_id, const std::string& person_id, const std::string& day) {
    Statement(writer.database(),
              "INSERT INTO survey_token_issued(survey_id, person_id, day) VALUES (?, ?, ?)")
        .bind(1, survey_id)
        .bind(2, person_id)
        .bind(3, day)
        .run();
}

std::string spent_digest(const std::string& survey_id, const std::string& token_input) {
    // Keyed by the survey: the same input under two surveys gives unrelated digests.
    unsigned char key[crypto_generichash_KEYBYTES];
    crypto_generichash(key, sizeof key, reinterpret_cast<const unsigned char*>(survey_id.data()), survey_id.size(),
                       reinterpret_cast<const unsigned char*>("tandem survey token"), 19);
    std::string digest(32, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(digest.data()), digest.size(),
                       reinterpret_cast<const unsigned char*>(token_input.data()), token_input.size(), key, sizeof key);
    return digest;
}

bool token_spent(Store& store, const std::string& digest) {
    Statement query(store.database(), "SELECT 1 FROM survey_token_spent WHERE input_digest = ?");
    query.bind_blob(1, digest);
    return query.step();
}

void record_spent(Store& writer, const std::string& digest) {
    Statement(writer.database(), "INSERT INTO survey_token_spent(input_digest) VALUES (?)")
        .bind_blob(1, digest)
        .run();
}

} // namespace tandem::server
