// Sync throughput, side by side in one run on the same machine:
//   A. 100k check-in changes pushed through the real HTTP server (batches of 500, several clients);
//   B. the same batches through SyncService into our store in this process, no HTTP (A/B: HTTP overhead);
//   C. raw SQLite: the same change bodies appended to one plain table, batched the same way, with the
//      same durability (the physical limit; A/C: what the whole server costs);
// then a full pull of the 100k by cursor, and single-change push latency.
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "bench_clock.h"
#include "demo/demo_org.h"
#include "tandem_server.h"
#include "support/temp_dir.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

using namespace tandem;
using namespace tandem::bench;

namespace {

constexpr int kChanges = 100000;
constexpr int kBatch = 500;
constexpr int kClients = 4;

Json make_change(const std::string& report, int i, uint64_t now) {
    return Json{{"id", new_uuid_v7(now)},
                {"entity", "checkin"},
                {"record_id", new_uuid_v7(now)},
                {"hlc", Hlc{now, uint16_t(i & 0xffff)}.to_string()},
                {"fields", {{"report_id", report}, {"held_on", "2026-11-23"},
                            {"shared_notes", "Weekly 1:1 #" + std::to_string(i) + ": progress, blockers, growth."},
                            {"mood", 1 + i % 5}}},
                {"deleted", false}};
}

}  // namespace

int main() {
    if (sodium_init() < 0) return 1;
    tandem::testing::TempDir dir;
    const std::string database = dir.file("bench.db");
    server::create_demo_database(database);
    server::ServerOptions options;
    options.database_path = database;
    options.port = 0;
    options.threads = 8;
    server::TandemServer server(options);
    int port = server.bind();
    std::thread serving([&] { server.run(); });
    httplib::Client http("127.0.0.1", port);
    for (int i = 0; i < 200 && !http.Get("/healthz"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));

    auto session = Json::parse(http.Post("/api/v1/session",
                                         R"({"email":"manager1@demo.example","password":"tandem-demo"})",
                                         "application/json")
                                   ->body);
    const std::string token = session["token"];
    const httplib::Headers auth{{"Authorization", "Bearer " + token}};
    std::string report;
    {
        auto people = Json::parse(http.Get("/api/v1/sync/pull?limit=1000", auth)->body);
        for (auto& change : people["changes"])
            if (change["fields"]["manager_id"] == session["user"]["id"]) report = change["record_id"];
    }

    // Request bodies are built before timing: the benchmark measures the server, not the client's JSON.
    std::printf("preparing %d changes...\n", kChanges);
    std::vector<std::string> bodies;
    std::vector<Json> all_changes;
    uint64_t now = wall_millis();
    for (int start = 0; start < kChanges; start += kBatch) {
        Json changes = Json::array();
        for (int i = start; i < start + kBatch; ++i) {
            changes.push_back(make_change(report, i, now));
            all_changes.push_back(changes.back());
        }
        bodies.push_back(Json{{"device_id", "bench"}, {"changes", changes}}.dump());
    }

    // A. Through the server.
    auto start = Clock::now();
    std::vector<std::thread> clients;
    std::atomic<int> accepted{0};
    for (int c = 0; c < kClients; ++c)
        clients.emplace_back([&, c] {
            httplib::Client client("127.0.0.1", port);
            client.set_read_timeout(60);
            for (size_t b = size_t(c); b < bodies.size(); b += kClients) {
                auto reply = client.Post("/api/v1/sync/push", auth, bodies[b], "application/json");
                if (!reply || reply->status != 200) {
                    std::fprintf(stderr, "push failed\n");
                    std::exit(1);
                }
                const Json answer = Json::parse(reply->body);
                for (const auto& result : answer["results"]) accepted += result["status"] == "accepted";
            }
        });
    for (auto& t : clients) t.join();
    const double server_seconds = seconds_since(start);
    const double server_rate = kChanges / server_seconds;

    // B. Our store without HTTP: the same batches judged, merged and logged by SyncService in-process, into a
    // demo organisation of its own (its people have their own ids, so the report id is swapped in).
    const std::string store_path = dir.file("store.db");
    server::create_demo_database(store_path);
    std::string store_manager, store_report;
    {
        Store store(store_path, StoreOptions{true, false});
        for (const auto& person : store.records_of("person"))
            if (person.state.text("email") == "manager1@demo.example") store_manager = person.state.record_id;
        for (const auto& person : store.records_of("person"))
            if (person.state.text("manager_id") == store_manager) store_report = person.state.record_id;
    }
    std::vector<Json> batches;
    std::vector<std::string> dumped;
    for (int first = 0; first < kChanges; first += kBatch) {
        batches.push_back(Json::array());
        for (int i = first; i < first + kBatch; ++i) {
            Json change = all_changes[size_t(i)];
            change["fields"]["report_id"] = store_report;
            batches.back().push_back(change);
            dumped.push_back(all_changes[size_t(i)].dump());
        }
    }
    double store_seconds = 0;
    int store_accepted = 0;
    {
        Store store(store_path, StoreOptions{true, false});
        store.database().exec("PRAGMA synchronous=FULL");
        const OrgChart org = server::load_org_chart(store);
        SyncService service(store);
        const Actor maya{store_manager, Role::Manager};
        start = Clock::now();
        for (const auto& batch : batches)
            for (const auto& outcome : service.push(maya, org, "bench", batch, wall_millis()))
                store_accepted += outcome.status == "accepted";
        store_seconds = seconds_since(start);
    }
    const double store_rate = kChanges / store_seconds;

    // C. Raw SQLite: the same bodies appended to one plain table, same batches and durability.
    double raw_seconds = 0;
    {
        Database raw(dir.file("raw.db"));
        raw.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                 "CREATE TABLE plain(seq INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        Statement insert(raw, "INSERT INTO plain(body) VALUES (?)");
        start = Clock::now();
        for (int first = 0; first < kChanges; first += kBatch) {
            raw.exec("BEGIN");
            for (int i = first; i < first + kBatch; ++i) {
                insert.reset();
                insert.bind(1, dumped[size_t(i)]).run();
            }
            raw.exec("COMMIT");
        }
        raw_seconds = seconds_since(start);
    }
    const double raw_rate = kChanges / raw_seconds;

    // Pull everything back by cursor, as a device catching up would.
    start = Clock::now();
    int pulled = 0;
    int64_t since = 0;
    int requests = 0;
    for (bool more = true; more; ++requests) {
        auto reply = http.Get(("/api/v1/sync/pull?limit=1000&since=" + std::to_string(since)).c_str(), auth);
        const Json page = Json::parse(reply->body);
        for (const auto& change : page["changes"]) pulled += change["device_id"] == "bench";
        since = page["cursor"];
        more = page["more"];
    }
    const double pull_seconds = seconds_since(start);

    // Latency of a single-change push, one at a time on a kept-alive connection.
    std::vector<double> latencies;
    for (int i = 0; i < 1000; ++i) {
        std::string body = Json{{"device_id", "bench"}, {"changes", {make_change(report, i, wall_millis())}}}.dump();
        auto t0 = Clock::now();
        http.Post("/api/v1/sync/push", auth, body, "application/json");
        latencies.push_back(seconds_since(t0) * 1000);
    }
    std::sort(latencies.begin(), latencies.end());

    server.stop();
    serving.join();

    std::printf("\nsync benchmark (%u cores, %d changes, batches of %d, %d concurrent clients)\n",
                std::thread::hardware_concurrency(), kChanges, kBatch, kClients);
    std::printf("  push through HTTP server : %8.0f changes/s  (%.2f s, %d accepted)\n", server_rate, server_seconds,
                accepted.load());
    std::printf("  our store, no HTTP       : %8.0f changes/s  (%.2f s, %d accepted; SyncService in-process)\n",
                store_rate, store_seconds, store_accepted);
    std::printf("  raw SQLite, plain table  : %8.0f changes/s  (%.2f s; the same bodies appended to one table)\n",
                raw_rate, raw_seconds);
    std::printf("  server / our store       : %8.0f %%          (what HTTP and the server's threads cost)\n",
                100 * server_rate / store_rate);
    std::printf("  server / raw SQLite      : %8.0f %%          (target >= 50 %%)\n", 100 * server_rate / raw_rate);
    std::printf("  pull all by cursor       : %8.3f s          (%d changes, %d requests of <= 1000; target < 1 s)\n",
                pull_seconds, pulled, requests);
    std::printf("  single-change push       : p50 %.2f ms, p99 %.2f ms (1000 sequential pushes)\n",
                latencies[latencies.size() / 2], latencies[latencies.size() * 99 / 100]);
    return accepted.load() == kChanges && store_accepted == kChanges && pulled == kChanges ? 0 : 1;
}
