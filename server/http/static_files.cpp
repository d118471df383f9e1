#include "http/static_files.h"

#include "http/accept_encoding.h"

#include "tandem/sync/entity.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <stdexcept>

#include <cstring>
#include <fstream>
#include <memory>
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
        // The build keeps brotli and gzip siblings of the large files (client/web/package.mjs): the
        // smallest copy the browser accepts is sent as it is, never compressed again per request.
        std::string body;
        std::string encoding;
        for (const auto& coding : acceptable_encodings(request.get_header_value("Accept-Encoding"), {"br", "gzip"}))
            if (read_file(root, relative + (coding == "br" ? ".br" : ".gz"), body)) {
                encoding = coding;
                break;
            }
        if (encoding.empty() && !read_file(root, relative, body)) {
            response.status = 404;
            return;
        }
        response.set_header("Vary", "Accept-Encoding");
        response.set_header("Cache-Control", is_content_hashed(relative) ? "public, max-age=31536000, immutable"
                                                                          : "no-cache");
        if (encoding.empty()) {
            response.set_content(std::move(body), mime_type(relative));  // httplib may compress text itself
            return;
        }
        // A body given with its length is sent as it is: httplib compresses only set_content bodies, and
        // would otherwise wrap a stored .gz of a script in brotli under a second Content-Encoding.
        response.set_header("Content-Encoding", encoding);
        auto stored = std::make_shared<std::string>(std::move(body));
        response.set_content_provider(stored->size(), mime_type(relative),
                                      [stored](size_t offset, size_t length, httplib::DataSink& sink) {
                                          return sink.write(stored->data() + offset, length);
                                      });
    });
}

} // namespace tandem::server
