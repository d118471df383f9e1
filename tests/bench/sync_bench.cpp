// Sync throughput, side by side in one run on the same machine, each store against its physical anchor:
//   SQLite: 100k check-in changes pushed through the real HTTP server (batches of 500, 4 clients); the same
//     batches through SyncService in this process (no HTTP: what HTTP costs); the same bodies appended to one
//     plain table, batched and as durable (the physical limit).
//   PostgreSQL (when TANDEM_BENCH_POSTGRES names a running cluster's admin URL, as scripts/bench-sync starts
//     one): the same pushes through one server and through two servers on one database, clients split
//     between them; the same bodies appended to one plain table of that cluster, batched the same way.
// Then a full pull of the 100k by cursor on each (on SQLite split into fetching, parsing and freeing each page,
// with our store's pages built without HTTP beside it, and again gzip as browsers ask), and single-change
// push latency on SQLite.
// On SQLite also a floor (our two tables written directly, with and without their indexes) and the time to
// parse the bodies, so the push's time can be split into HTTP, judging and merging, indexes and tables.
#include <sodium.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <thread>

#include "bench_clock.h"
#include "demo/demo_org.h"
#include "http/answer_compression.h"
#include "store/postgres_connection.h"
#include "tandem_server.h"
#include "support/gunzip.h"
#include "support/running_server.h"
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

// A tandem-server serving one database on a free port, on its own thread.
std::unique_ptr<tandem::testing::RunningServer> serve(const std::string& database) {
    server::ServerOptions options;
    options.database_path = database;
    options.port = 0;
    options.threads = 8;
    return std::make_unique<tandem::testing::RunningServer>(options);
}

// Maya's session on one of the servers, and the report her pushed 1:1s are about.
struct Signed {
    httplib::Headers auth;
    std::string report;
};
Signed sign_in(int port) {
    httplib::Client http("127.0.0.1", port);
    const Json session = Json::parse(
        http.Post("/api/v1/session", R"({"email":"manager1@demo.example","password":"tandem-demo"})", "application/json")
            ->body);
    Signed out{{{"Authorization", "Bearer " + session["token"].get<std::string>()}}, ""};
    const Json people = Json::parse(http.Get("/api/v1/sync/pull?limit=1000", out.auth)->body);
    for (const auto& change : people["changes"])  // a report still employed
        if (out.report.empty() && change["entity"] == "person" && change["fields"]["manager_id"] == session["user"]["id"] &&
            change["fields"].value("exit_date", Json()).is_null())
            out.report = change["record_id"];
    return out;
}

// The 100k changes as request bodies (built before timing: the benchmark measures servers, not the client).
std::vector<std::string> request_bodies(const std::string& report, std::vector<std::string>* dumped = nullptr) {
    std::vector<std::string> bodies;
    const uint64_t now = wall_millis();
    for (int start = 0; start < kChanges; start += kBatch) {
        Json changes = Json::array();
        for (int i = start; i < start + kBatch; ++i) {
            changes.push_back(make_change(report, i, now));
            if (dumped) dumped->push_back(changes.back().dump());
        }
        bodies.push_back(Json{{"device_id", "bench"}, {"changes", changes}}.dump());
    }
    return bodies;
}

struct Ingest {
    double seconds = 0;
    int accepted = 0;
};
// kClients clients push the bodies, client c to ports[c % ports.size()].
Ingest push_all(const std::vector<int>& ports, const httplib::Headers& auth, const std::vector<std::string>& bodies) {
    std::atomic<int> accepted{0};
    std::atomic<bool> told{false};
    const auto start = Clock::now();
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c)
        clients.emplace_back([&, c] {
            httplib::Client client("127.0.0.1", ports[size_t(c) % ports.size()]);
            client.set_read_timeout(120);
            for (size_t b = size_t(c); b < bodies.size(); b += kClients) {
                auto reply = client.Post("/api/v1/sync/push", auth, bodies[b], "application/json");
                if (!reply || reply->status != 200) {
                    std::fprintf(stderr, "push failed\n");
                    std::exit(1);
                }
                const Json answer = Json::parse(reply->body);
                for (const auto& result : answer["results"]) {
                    const bool taken = result["status"] == "accepted";
                    accepted += taken;
                    if (!taken && !told.exchange(true)) std::fprintf(stderr, "not accepted: %s\n", result.dump().c_str());
                }
            }
        });
    for (auto& thread : clients) thread.join();
    return Ingest{seconds_since(start), accepted.load()};
}

struct Pull {
    double seconds = 0;
    // Where the pull's time went, measured inside it: waiting for each page (the server's work, its gzip when
    // asked for, and HTTP), unzipping it, parsing it as the client does (nlohmann::json), and freeing it.
    double fetch_seconds = 0, unzip_seconds = 0, parse_seconds = 0, free_seconds = 0;
    size_t wire_bytes = 0;
    int pulled = 0, requests = 0;
};

// gzip at zlib's default level with a stream made for the one body, as httplib compresses an answer.
std::string gzip_at_default_level(const std::string& body) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib could not start a gzip stream");
    std::string out(deflateBound(&stream, uLong(body.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    stream.avail_in = uInt(body.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END) throw std::runtime_error("zlib could not finish a gzip stream");
    return out;
}

// Everything back by cursor, as a device catching up would, page by page from each port in turn. `accept`
// is the request's Accept-Encoding: "identity", or what browsers and HTTP libraries send.
Pull pull_all(const std::vector<int>& ports, const httplib::Headers& auth, const char* accept = "identity") {
    Pull out;
    httplib::Headers headers = auth;
    headers.emplace("Accept-Encoding", accept);
    const auto start = Clock::now();
    int64_t since = 0;
    for (bool more = true; more; ++out.requests) {
        httplib::Client http("127.0.0.1", ports[size_t(out.requests) % ports.size()]);
        http.set_decompress(false);
        const auto asked = Clock::now();
        auto reply = http.Get(("/api/v1/sync/pull?limit=1000&since=" + std::to_string(since)).c_str(), headers);
        const auto fetched = Clock::now();
        out.wire_bytes += reply->body.size();
        if (reply->get_header_value("Content-Encoding") == "gzip") reply->body = testing::gunzip(reply->body);
        const auto unzipped = Clock::now();
        auto page = std::make_unique<Json>(Json::parse(reply->body));
        const auto parsed = Clock::now();
        for (const auto& change : (*page)["changes"]) out.pulled += change["device_id"] == "bench";
        since = (*page)["cursor"];
        more = (*page)["more"];
        const auto freeing = Clock::now();
        page.reset();
        out.fetch_seconds += std::chrono::duration<double>(fetched - asked).count();
        out.unzip_seconds += std::chrono::duration<double>(unzipped - fetched).count();
        out.parse_seconds += std::chrono::duration<double>(parsed - unzipped).count();
        out.free_seconds += seconds_since(freeing);
    }
    out.seconds = seconds_since(start);
    return out;
}

// The anchor: the same bodies appended to one plain table, one transaction per batch.
double append_plain(Database& db, const std::vector<std::string>& dumped) {
    Statement insert(db, "INSERT INTO plain(body) VALUES (?)");
    const auto start = Clock::now();
    for (int first = 0; first < kChanges; first += kBatch) {
        db.exec("BEGIN");
        for (int i = first; i < first + kBatch; ++i) insert.bind(1, dumped[size_t(i)]).run();
        db.exec("COMMIT");
    }
    return seconds_since(start);
}

// The floor under our store: the same changes written to the store's own two tables (records, change_log) of
// a demo database, one row each, with prepared statements and one transaction per batch, but nothing judged
// or merged (the record's state is the change body). With `secondary_indexes` false the six secondary
// indexes and the server's e-mail index are dropped first (change_log's UNIQUE change id stays).
double append_two_tables(const std::string& path, const std::vector<std::string>& dumped, bool secondary_indexes) {
    Database db(path);
    db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL");
    if (!secondary_indexes)
        for (const char* index : {"records_by_subject", "records_by_subject_id", "records_by_author", "person_by_email",
                                  "change_log_by_author", "change_log_by_entity", "change_log_by_addressee",
                                  "change_log_by_subject"})
            db.exec(std::string("DROP INDEX IF EXISTS ") + index);
    Statement record(db, "INSERT INTO records(record_id, entity, author_id, subject_id, deleted, state, addressee_id) "
                         "VALUES (?, 'checkin', 'author', ?, 0, ?, '')");
    Statement logged(db, "INSERT INTO change_log(change_id, entity, author_id, subject_id, body, addressee_id) "
                         "VALUES (?, 'checkin', 'author', ?, ?, '')");
    std::vector<std::pair<std::string, std::string>> ids;  // record id, change id
    for (const auto& body : dumped) {
        const Json change = Json::parse(body);
        ids.emplace_back(change["record_id"], change["id"]);
    }
    const auto start = Clock::now();
    for (int first = 0; first < kChanges; first += kBatch) {
        db.exec("BEGIN");
        for (int i = first; i < first + kBatch; ++i) {
            const auto& [record_id, change_id] = ids[size_t(i)];
            record.bind(1, record_id).bind(2, "subject").bind(3, dumped[size_t(i)]).run();
            logged.bind(1, change_id).bind(2, "subject").bind(3, dumped[size_t(i)]).run();
        }
        db.exec("COMMIT");
    }
    return seconds_since(start);
}

// What reading the request bodies as JSON costs alone (the server does it once per push).
double parse_bodies(const std::vector<std::string>& bodies) {
    size_t changes = 0;
    const auto start = Clock::now();
    for (const auto& body : bodies) changes += Json::parse(body)["changes"].size();
    const double seconds = seconds_since(start);
    return changes == size_t(kChanges) ? seconds : -1;
}

void row(const char* name, double seconds, int changes, const char* note) {
    std::printf("  %-34s %9.0f changes/s  (%6.2f s) %s\n", name, changes / seconds, seconds, note);
}

}  // namespace

int main() {
    if (sodium_init() < 0) return 1;
    tandem::testing::TempDir dir;
    bool all_there = true;

    // --- SQLite ---
    const std::string database = dir.file("bench.db");
    server::create_demo_database(database);
    Ingest sqlite_server;
    double parse_seconds = 0;
    Pull sqlite_pull, sqlite_gzip_pull;
    std::vector<std::string> dumped;
    std::vector<double> latencies;
    {
        const auto running = serve(database);
        const Signed maya = sign_in(running->port());
        std::printf("preparing %d changes...\n", kChanges);
        const auto bodies = request_bodies(maya.report, &dumped);
        sqlite_server = push_all({running->port()}, maya.auth, bodies);
        parse_seconds = parse_bodies(bodies);
        sqlite_pull = pull_all({running->port()}, maya.auth);
        sqlite_gzip_pull = pull_all({running->port()}, maya.auth, "gzip, deflate, br");
        httplib::Client http("127.0.0.1", running->port());
        for (int i = 0; i < 1000; ++i) {
            const std::string body =
                Json{{"device_id", "bench"}, {"changes", {make_change(maya.report, i, wall_millis())}}}.dump();
            const auto t0 = Clock::now();
            http.Post("/api/v1/sync/push", maya.auth, body, "application/json");
            latencies.push_back(seconds_since(t0) * 1000);
        }
        std::sort(latencies.begin(), latencies.end());
    }

    // Our store without HTTP: the same batches judged, merged and logged by SyncService in-process, into a
    // demo organisation of its own (its people have their own ids, so the report id is swapped in).
    const std::string store_path = dir.file("store.db");
    server::create_demo_database(store_path);
    double store_seconds = 0, store_pull_seconds = 0;
    int store_accepted = 0, store_pulled = 0;
    size_t store_pulled_bytes = 0;
    double gzip_fastest_seconds = 0, gzip_default_seconds = 0;
    size_t gzip_fastest_bytes = 0, gzip_default_bytes = 0;
    {
        Store store(store_path, StoreOptions{true, false});
        store.database().exec("PRAGMA synchronous=FULL");
        std::string manager, report;
        for (const auto& person : store.records_of("person"))
            if (person.state.text("email") == "manager1@demo.example") manager = person.state.record_id;
        for (const auto& person : store.records_of("person"))
            if (report.empty() && person.state.text("manager_id") == manager && person.state.text("exit_date").empty())
                report = person.state.record_id;
        std::vector<Json> batches;
        for (int first = 0; first < kChanges; first += kBatch) {
            batches.push_back(Json::array());
            for (int i = first; i < first + kBatch; ++i) {
                Json change = Json::parse(dumped[size_t(i)]);
                change["fields"]["report_id"] = report;
                batches.back().push_back(change);
            }
        }
        const OrgChart org = server::load_org_chart(store);
        SyncService service(store);
        const Actor maya{manager, Role::Manager};
        const auto start = Clock::now();
        for (const auto& batch : batches)
            for (const auto& outcome : service.push(maya, org, "bench", batch, wall_millis()))
                store_accepted += outcome.status == "accepted";
        store_seconds = seconds_since(start);
        // The same full pull by cursor without HTTP: each page as the server builds it, answer text included,
        // so the HTTP pull's fetch time splits into our store's work and the rest (HTTP, threads, sockets).
        // Each page is built (timed as our store's work), then gzipped as the server now does (zlib's fastest
        // level, one stream reused) and as httplib did (a new stream at zlib's default level per answer), each
        // timed apart, and dropped before the next page as the server drops it.
        for (int64_t since = 0, more = 1; more;) {
            const auto build_start = Clock::now();
            const PullPage page = service.pull(maya, org, since, 1000);
            const std::string text = pull_response_json(page);
            store_pull_seconds += seconds_since(build_start);
            since = page.cursor;
            more = page.more;
            store_pulled += int(page.rows.size());
            store_pulled_bytes += text.size();
            const auto fastest_start = Clock::now();
            gzip_fastest_bytes += server::gzip_fastest(text).size();
            gzip_fastest_seconds += seconds_since(fastest_start);
            const auto default_start = Clock::now();
            gzip_default_bytes += gzip_at_default_level(text).size();
            gzip_default_seconds += seconds_since(default_start);
        }
    }
    double sqlite_raw = 0;
    {
        Database raw(dir.file("raw.db"));
        raw.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                 "CREATE TABLE plain(seq INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        sqlite_raw = append_plain(raw, dumped);
    }
    double floor_seconds = 0, floor_bare_seconds = 0;
    for (bool indexes : {true, false}) {
        const std::string path = dir.file(indexes ? "floor.db" : "floor-bare.db");
        server::create_demo_database(path);
        (indexes ? floor_seconds : floor_bare_seconds) = append_two_tables(path, dumped, indexes);
    }
    all_there = all_there && sqlite_server.accepted == kChanges && store_accepted == kChanges &&
                sqlite_pull.pulled == kChanges && sqlite_gzip_pull.pulled == kChanges && parse_seconds > 0 && store_pulled >= kChanges;

    // --- PostgreSQL ---
    const char* admin = std::getenv("TANDEM_BENCH_POSTGRES");
    struct PostgresRun {
        Ingest ingest;
        Pull pull;
    };
    std::vector<PostgresRun> postgres;  // one server, two servers
    double postgres_raw = 0;
    if (admin && *admin) {
        const std::string admin_url = admin;
        const size_t query = admin_url.find('?');
        const std::string path = admin_url.substr(0, query);
        const std::string base = path.substr(0, path.rfind('/') + 1);
        const std::string parameters = query == std::string::npos ? "" : admin_url.substr(query);
        Database cluster(std::make_unique<server::PostgresConnection>(admin_url));
        for (int servers : {1, 2}) {
            const std::string name = "bench_" + std::to_string(servers);
            cluster.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            cluster.exec("CREATE DATABASE " + name);
            server::create_demo_database(base + name + parameters);
            std::vector<std::unique_ptr<tandem::testing::RunningServer>> running;
            std::vector<int> ports;
            for (int s = 0; s < servers; ++s) {
                running.push_back(serve(base + name + parameters));
                ports.push_back(running.back()->port());
            }
            const Signed maya = sign_in(ports[0]);
            const auto bodies = request_bodies(maya.report);
            PostgresRun run;
            run.ingest = push_all(ports, maya.auth, bodies);
            run.pull = pull_all(ports, maya.auth);
            all_there = all_there && run.ingest.accepted == kChanges && run.pull.pulled == kChanges;
            postgres.push_back(run);
        }
        cluster.exec("DROP DATABASE IF EXISTS bench_raw WITH (FORCE)");
        cluster.exec("CREATE DATABASE bench_raw");
        Database raw(std::make_unique<server::PostgresConnection>(base + "bench_raw" + parameters));
        raw.exec("CREATE TABLE plain(seq BIGSERIAL PRIMARY KEY, body TEXT NOT NULL)");
        postgres_raw = append_plain(raw, dumped);
        for (const char* name : {"bench_1", "bench_2", "bench_raw"})
            cluster.exec(std::string("DROP DATABASE IF EXISTS ") + name + " WITH (FORCE)");
    }

    std::printf("\nsync benchmark (%u cores, %d changes, batches of %d, %d concurrent clients)\n",
                std::thread::hardware_concurrency(), kChanges, kBatch, kClients);
    std::printf(" SQLite (WAL, synchronous=FULL)\n");
    row("push through the HTTP server", sqlite_server.seconds, kChanges,
        ("(" + std::to_string(sqlite_server.accepted) + " accepted)").c_str());
    row("our store, no HTTP", store_seconds, kChanges, "(SyncService in-process: the HTTP overhead's anchor)");
    row("raw SQLite, one plain table", sqlite_raw, kChanges, "(the same bodies appended: the physical limit)");
    std::printf("  %-34s %9.0f %%\n", "server / our store (HTTP overhead)", 100 * store_seconds / sqlite_server.seconds);
    std::printf("  %-34s %9.0f %%\n", "server / raw SQLite", 100 * sqlite_raw / sqlite_server.seconds);
    row("floor: our two tables, indexed", floor_seconds, kChanges,
        "(records + change_log rows with their indexes, nothing judged or merged)");
    row("floor: our two tables, no indexes", floor_bare_seconds, kChanges, "(the same without secondary indexes)");
    std::printf("  %-34s %9.0f %%\n", "floor / raw SQLite", 100 * sqlite_raw / floor_seconds);
    // Where a push's time goes, each part the difference between two measurements of this run.
    const double total = sqlite_server.seconds;
    auto part = [&](const char* name, double seconds, const char* how) {
        std::printf("    %-32s %6.2f s  %3.0f %%  %s\n", name, seconds, 100 * seconds / total, how);
    };
    std::printf("  where the push's %.2f s go:\n", total);
    part("HTTP, threads, JSON in and out", total - store_seconds, "server - our store (of it, parsing the bodies alone:");
    std::printf("    %-32s %6.2f s)\n", "", parse_seconds);
    part("judging and merging", store_seconds - floor_seconds, "our store - floor (validation, rules, merge, reads)");
    part("secondary indexes", floor_seconds - floor_bare_seconds, "floor - floor without indexes");
    part("two tables, not one", floor_bare_seconds - sqlite_raw, "floor without indexes - raw");
    part("raw SQLite", sqlite_raw, "the physical limit");
    std::printf("  %-34s %9.3f s       (%d changes, %d requests of <= 1000)\n", "pull all by cursor",
                sqlite_pull.seconds, sqlite_pull.pulled, sqlite_pull.requests);
    std::printf("    %-32s %6.3f s  waiting for the pages over HTTP; of it:\n", "fetch", sqlite_pull.fetch_seconds);
    std::printf("    %-32s %6.3f s  our store building the same pages, no HTTP (%d changes, %.1f MB)\n", "",
                store_pull_seconds, store_pulled, double(store_pulled_bytes) / 1e6);
    std::printf("    %-32s %6.3f s  HTTP, threads and sockets (fetch - store)\n", "",
                sqlite_pull.fetch_seconds - store_pull_seconds);
    std::printf("    %-32s %6.3f s  the client parsing each page with nlohmann::json, as the app does\n", "parse",
                sqlite_pull.parse_seconds);
    std::printf("    %-32s %6.3f s  the client freeing each parsed page\n", "free", sqlite_pull.free_seconds);
    std::printf("  %-34s %9.3f s       (%d changes; Accept-Encoding as browsers and HTTP libraries send it)\n",
                "pull all by cursor, gzip", sqlite_gzip_pull.seconds, sqlite_gzip_pull.pulled);
    std::printf("    %-32s %6.3f s  waiting for the pages, the server's gzip included (%.1f MB on the wire)\n",
                "fetch", sqlite_gzip_pull.fetch_seconds, double(sqlite_gzip_pull.wire_bytes) / 1e6);
    std::printf("    %-32s %6.3f s  of it, the server gzipping the pages at zlib's fastest level (%.1f MB)\n", "",
                gzip_fastest_seconds, double(gzip_fastest_bytes) / 1e6);
    std::printf("    %-32s %6.3f s  (the same pages at zlib's default level, as httplib compressed them: %.1f MB)\n",
                "", gzip_default_seconds, double(gzip_default_bytes) / 1e6);
    std::printf("    %-32s %6.3f s  the client unzipping them\n", "unzip", sqlite_gzip_pull.unzip_seconds);
    std::printf("    %-32s %6.3f s  parsing, %.3f s freeing, as above\n", "parse", sqlite_gzip_pull.parse_seconds,
                sqlite_gzip_pull.free_seconds);
    std::printf("  %-34s p50 %.2f ms, p99 %.2f ms (1000 sequential pushes)\n", "single-change push",
                latencies[latencies.size() / 2], latencies[latencies.size() * 99 / 100]);
    if (postgres.empty()) {
        std::printf(" PostgreSQL: not measured (TANDEM_BENCH_POSTGRES unset; scripts/bench-sync sets it)\n");
    } else {
        std::printf(" PostgreSQL (fsync on, synchronous_commit on)\n");
        for (size_t i = 0; i < postgres.size(); ++i) {
            const std::string name = "push, " + std::to_string(i + 1) + (i ? " servers" : " server") + " on one database";
            row(name.c_str(), postgres[i].ingest.seconds, kChanges,
                ("(" + std::to_string(postgres[i].ingest.accepted) + " accepted)").c_str());
        }
        row("raw PostgreSQL, one plain table", postgres_raw, kChanges, "(the same bodies appended, row by row)");
        for (size_t i = 0; i < postgres.size(); ++i) {
            const std::string name = std::to_string(i + 1) + (i ? " servers" : " server") + " / raw PostgreSQL";
            std::printf("  %-34s %9.0f %%\n", name.c_str(), 100 * postgres_raw / postgres[i].ingest.seconds);
        }
        for (size_t i = 0; i < postgres.size(); ++i) {
            const std::string name = "pull all, " + std::to_string(i + 1) + (i ? " servers in turn" : " server");
            std::printf("  %-34s %9.3f s       (%d changes, %d requests)\n", name.c_str(), postgres[i].pull.seconds,
                        postgres[i].pull.pulled, postgres[i].pull.requests);
        }
    }
    return all_there ? 0 : 1;
}
