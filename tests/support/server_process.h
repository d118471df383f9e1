#pragma once
// The real tandem-server binary in its own process, for tests and benchmarks that kill it or measure it
// from outside: `serve --port 0`, with the chosen port read from its first line of output. `environment`
// sets variables for it alone (an empty value removes one it would inherit).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace tandem::testing {

struct ServerProcess {
    pid_t pid = -1;
    int port = 0;

    ServerProcess(const std::string& binary, const std::string& database, std::vector<std::string> extra = {},
                  const std::vector<std::pair<std::string, std::string>>& environment = {}) {
        const bool url = database.rfind("postgres", 0) == 0;
        std::vector<std::string> args{binary, "serve", url ? "--database-url" : "--db", database, "--port", "0",
                                      "--threads", "4"};
        args.insert(args.end(), extra.begin(), extra.end());
        // Everything the child needs is built here: after fork() in a threaded process it may only call
        // what is async-signal-safe (dup2, close, execve), never malloc.
        std::vector<char*> argv;
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        std::vector<std::string> variables;
        for (char** variable = environ; *variable; ++variable) {
            const std::string entry = *variable;
            const std::string name = entry.substr(0, entry.find('='));
            bool replaced = false;
            for (const auto& change : environment) replaced = replaced || change.first == name;
            if (!replaced) variables.push_back(entry);
        }
        for (const auto& [name, value] : environment)
            if (!value.empty()) variables.push_back(name + "=" + value);
        std::vector<char*> envp;
        for (auto& variable : variables) envp.push_back(variable.data());
        envp.push_back(nullptr);
        int out[2];
        if (pipe(out) != 0) return;
        pid = fork();
        if (pid == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            execve(binary.c_str(), argv.data(), envp.data());
            _exit(127);
        }
        close(out[1]);
        FILE* output = fdopen(out[0], "r");
        char line[512] = {};
        if (fgets(line, sizeof line, output)) {
            const char* colon = std::strrchr(line, ':');
            if (colon) port = std::atoi(colon + 1);
        }
        fclose(output);
    }

    void kill_hard() {
        if (pid > 0) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
            pid = -1;
        }
    }
    ~ServerProcess() { kill_hard(); }
};

} // namespace tandem::testing
