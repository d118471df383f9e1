// The outside review's attacks, measured against the real tandem-server binary on 127.0.0.1 (its own
// process, so its memory is read from /proc). Prints each figure beside the same request with no attack
// running, in one run. Usage: bench_attacks <tandem-server binary>
#include <httplib.h>
#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <thread>

#include "demo/demo_org.h"
#include "http/rate_limiter.h"
#include "support/raw_http.h"
#include "support/server_process.h"
#include "support/temp_dir.h"
#include "tandem/base/change.h"

using namespace tandem;
using namespace tandem::testing;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

double millis_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Resident memory of a process, in MiB.
double resident_mib(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024;
    return 0;
}

struct Latencies {
    std::vector<double> samples;
    double at(double share) {
        if (samples.empty()) return -1;
        std::sort(samples.begin(), samples.end());
        return samples[std::min(samples.size() - 1, size_t(share * double(samples.size())))];
    }
};

// A signed-in manager's pull of one page, on a fresh connection each time (as a phone waking up does),
// from a client address no attacker uses.
Latencies time_pulls(int port, const std::string& token, int count, std::chrono::milliseconds gap) {
    Latencies latencies;
    for (int i = 0; i < count; ++i) {
        const auto start = Clock::now();
        RawConnection manager(port, "127.0.0.250");
        manager.reset_on_close();
        manager.send_all("GET /api/v1/sync/pull?since=0&limit=50 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                         token + "\r\n\r\n");
        const bool ok = RawConnection::status_of(manager.read_response(60s)) == 200;
        latencies.samples.push_back(ok ? millis_since(start) : 60000.0);
        std::this_thread::sleep_for(gap);
    }
    return latencies;
}

void print_latencies(const char* what, Latencies quiet, Latencies attacked, double target_ms, double target_share) {
    std::printf("  %-46s quiet p50 %6.2f ms p99 %6.2f ms | attacked p50 %7.2f ms p99 %7.2f ms max %7.2f ms"
                " (target p%.0f < %.0f ms)\n",
                what, quiet.at(0.5), quiet.at(0.99), attacked.at(0.5), attacked.at(0.99), attacked.at(1.0),
                target_share * 100, target_ms);
}

std::string sign_in_token(int port) {
    httplib::Client http("127.0.0.1", port);
    auto reply = http.Post("/api/v1/session", R"({"email":"manager1@demo.example","password":"tandem-demo"})",
                           "application/json");
    return reply && reply->status == 200 ? Json::parse(reply->body)["token"].get<std::string>() : "";
}

void chunked_upload(ServerProcess& server) {
    const double before = resident_mib(server.pid);
    RawConnection attacker(server.port);
    attacker.send_all("POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    const std::string chunk = "100000\r\n" + std::string(0x100000, 'x') + "\r\n";
    size_t sent = 0;
    const auto start = Clock::now();
    for (int i = 0; i < 120 && attacker.send_all(chunk, 2s); ++i) sent += 0x100000;
    const int status = RawConnection::status_of(attacker.read_response());
    const double after = resident_mib(server.pid);
    std::printf("1 chunked 120 MiB POST, no sign-in: answered %d; %zu MiB sent in %.0f ms; server resident %.1f -> "
                "%.1f MiB (before the fix: 16 -> 170 MB)\n",
                status, sent >> 20, millis_since(start), before, after);
}

void slow_and_idle(ServerProcess& server, const std::string& token, const Latencies& quiet) {
    std::vector<RawConnection> idle, slow;
    for (int i = 0; i < 200; ++i) idle.emplace_back(server.port);
    for (int i = 0; i < 200; ++i) {
        slow.emplace_back(server.port);
        slow.back().send_all("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    }
    std::atomic<bool> done{false};
    std::thread trickle([&] {  // one header line per connection every second, as slowloris does
        while (!done) {
            for (auto& connection : slow) connection.send_all("X-Slow: 1\r\n", 10ms);
            for (int i = 0; i < 10 && !done; ++i) std::this_thread::sleep_for(100ms);
        }
    });
    std::this_thread::sleep_for(500ms);
    Latencies attacked = time_pulls(server.port, token, 200, 10ms);
    done = true;
    trickle.join();
    std::printf("2 200 slow-header + 200 idle connections held:\n");
    print_latencies("pull on a new connection", quiet, attacked, 100, 1.0);
}

void header_flood(ServerProcess& server) {
    std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 4000; ++i) many += "X-Filler-" + std::to_string(i) + ": " + std::string(7800, 'y') + "\r\n";
    many += "\r\n";
    const double before = resident_mib(server.pid);
    RawConnection attacker(server.port);
    const auto start = Clock::now();
    attacker.send_all(many, 2s);
    const int status = RawConnection::status_of(attacker.read_response());
    std::printf("3 4000 header lines (%zu MiB): answered %d in %.1f ms; server resident %.1f -> %.1f MiB\n",
                many.size() >> 20, status, millis_since(start), before, resident_mib(server.pid));
}

void sign_in_flood(ServerProcess& server, const std::string& token, const Latencies& quiet, bool many_sources) {
    std::atomic<bool> stop{false};
    std::atomic<int> unauthorised{0}, throttled{0}, other{0};
    std::vector<std::thread> flood;
    for (int c = 0; c < 40; ++c)
        flood.emplace_back([&, c] {
            const std::string source = many_sources ? "127.0.2." + std::to_string(c + 1) : "127.0.1.1";
            std::mt19937 names{unsigned(c)};
            while (!stop) {
                RawConnection attacker(server.port, source.c_str());
                attacker.reset_on_close();
                attacker.send_all(raw_post(
                    "/api/v1/session", Json{{"email", "n" + std::to_string(names()) + "@x.example"}, {"password", "p"}}
                                           .dump()));
                const int status = RawConnection::status_of(attacker.read_response(30s));
                (status == 401 ? unauthorised : status == 429 ? throttled : other)++;
            }
        });
    std::this_thread::sleep_for(300ms);
    Latencies attacked = time_pulls(server.port, token, 200, 20ms);
    stop = true;
    for (auto& t : flood) t.join();
    std::printf("4 40 clients signing in with random unknown e-mails (%s): %d answered 401, %d refused 429, %d other\n",
                many_sources ? "40 client addresses" : "one client address", unauthorised.load(), throttled.load(),
                other.load());
    print_latencies("pull on a new connection", quiet, attacked, 50, 0.99);
}

void lockout(ServerProcess& server) {
    auto attempt = [&](const char* source, const char* password) {
        RawConnection client(server.port, source);
        client.reset_on_close();
        client.send_all(raw_post("/api/v1/session",
                                 Json{{"email", "mentor@demo.example"}, {"password", password}}.dump()));
        return RawConnection::status_of(client.read_response(10s));
    };
    int last = 0;
    for (int i = 0; i < 10; ++i) last = attempt("127.0.0.9", "wrong");
    std::printf("5 ten wrong passwords for one address from client A: A's last answer %d; the right password "
                "from A %d, from client B %d (before the fix: 429 for everyone for 15 minutes)\n",
                last, attempt("127.0.0.9", server::kDemoPassword), attempt("127.0.0.10", server::kDemoPassword));
}

}  // namespace

// The answer-link limiter under random tokens (in process: the figure is the limiter's, not HTTP's): the
// cost of a new key while the table fills and once it is full, when every new key evicts one.
void answer_token_flood() {
    server::RateLimiter limiter(30);
    std::mt19937_64 random(7);
    auto per_key_micros = [&](int keys, int64_t at_millis) {
        const auto start = Clock::now();
        for (int i = 0; i < keys; ++i) limiter.wait_seconds(std::to_string(random()), at_millis + i / 10);
        return millis_since(start) * 1000.0 / keys;
    };
    const double filling = per_key_micros(100'000, 0);
    const double full = per_key_micros(100'000, 5'000);
    std::printf("6 200,000 random answer tokens within a minute: %.2f us per new key while filling, %.2f us once "
                "full (%zu keys kept)\n",
                filling, full, limiter.size());
}

int main(int argc, char** argv) {
    if (argc != 2 || sodium_init() < 0) {
        std::fprintf(stderr, "usage: bench_attacks <tandem-server binary>\n");
        return 2;
    }
    TempDir dir;
    const std::string database = dir.file("attacks.db");
    if (!server::create_demo_database(database).empty()) return 1;
    ServerProcess server(argv[1], database);
    if (server.port <= 0) return 1;
    const std::string token = sign_in_token(server.port);
    if (token.empty()) return 1;
    std::printf("tandem-server pid %d on 127.0.0.1:%d, default options (16 database readers, 8 MiB body limit)\n",
                server.pid, server.port);
    const Latencies quiet = time_pulls(server.port, token, 200, 5ms);

    chunked_upload(server);
    slow_and_idle(server, token, quiet);
    header_flood(server);
    sign_in_flood(server, token, quiet, false);
    sign_in_flood(server, token, quiet, true);
    lockout(server);
    answer_token_flood();
    return 0;
}
