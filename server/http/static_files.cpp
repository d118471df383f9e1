#include "http/static_files.h"

#include "tandem/sync/entity.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <stdexcept>

#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

namespace tandem::server {

namespace {

const char* mime_type(const std::string& path) {
    static const std::pair<const char*, const char*> types[] = {
        {".html", "text/html; charset=utf-8"},     {".js", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},             {".json", "application/json"},
        {".webmanifest", "application/manifest+json"}, {".css", "text/css; charset=utf-8"},
        {".png", "image/png"},                     {".svg", "image/svg+xml"},
        {".ttf", "font/ttf"},                      {".ico", "image/x-icon"},
    };
    for (const auto& [extension, type] : types)
        if (path.size() >= std::strlen(extension) &&
            path.compare(path.size() - std::strlen(extension), std::string::npos, extension) == 0)
            return type;
    return "application/octet-stream";
}

// Reads `relative` under `root` (both resolved), only if it is a regular file whose real path, symbolic
// links followed, still lies inside the root: a link inside the web folder must not publish the disk.
bool read_file(const std::string& root, const std::string& relative, std::string& out) {
    char resolved[PATH_MAX];
    if (!realpath((root + "/" + relative).c_str(), resolved)) return false;
    const std::string path = resolved;
    if (path.size() <= root.size() || path.compare(0, root.size(), root) != 0 || path[root.size()] != '/')
        return false;
    struct stat info{};
    if (stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
    std::ifstream file(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    out = buffer.str();
    return bool(file);
}

// Names like app.3f2a9c1d.wasm never change content, so browsers may keep them for good.
bool is_content_hashed(const std::string& path) {
    static const std::regex hashed(R"(\.[0-9a-f]{8,}\.[a-z]+$)");
    return std::regex_search(path, hashed);
}

}  // namespace

void serve_web_client(httplib::Server& http, const std::string& dir) {
    char resolved[PATH_MAX];
    if (!realpath(dir.c_str(), resolved)) throw std::runtime_error("web folder " + dir + " does not exist");
    const std::string root = resolved;
    http.Get(R"(/(?!api/)(.*))", [root](const httplib::Request& request, httplib::Response& response) {
        std::string relative = request.matches[1];
        if (relative.empty() || relative.back() == '/') relative += "index.html";
        // Refuse anything that could climb out of the web folder or make one name pass for another
        // (a NUL would cut the name short of the extension that picks its type and caching).
        if (has_control_characters(relative) || relative.find("..") != std::string::npos || relative.find('\\') != std::string::npos) {
            response.status = 404;
            return;
        }
        std::string body;
        const bool wants_gzip = request.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
        if (wants_gzip && read_file(root, relative + ".gz", body)) {
            response.set_header("Content-Encoding", "gzip");
        } else if (!read_file(root, relative, body)) {
            response.status = 404;
            return;
        }
        response.set_header("Vary", "Accept-Encoding");
        response.set_header("Cache-Control", is_content_hashed(relative) ? "public, max-age=31536000, immutable"
                                                                          : "no-cache");
        response.set_content(std::move(body), mime_type(relative));
    });
}

} // namespace tandem::server
