#include <signal.h>

#include <cstdio>
#include <thread>

#include "api/http_server.h"
#include "api/ledger_service.h"
#include "app/signing_key_file.h"
#include "app/commands.h"

namespace ramstein {

namespace {

// "127.0.0.1:8080" -> host and port.
Status ParseListen(const std::string& listen, std::string* host, int* port) {
  std::size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return Status::InvalidArgument("--listen: expected HOST:PORT");
  *host = listen.substr(0, colon);
  std::string digits = listen.substr(colon + 1);
  if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument("--listen: '" + digits + "' is not a port");
  }
  *port = std::stoi(digits);
  if (*port > 65535) return Status::InvalidArgument("--listen: port above 65535");
  return Status::Ok();
}

}  // namespace

int RunServe(AppContext& context, const std::string& listen, const std::string& web_dir) {
  std::string host;
  int port = 0;
  Status parsed = ParseListen(listen, &host, &port);
  if (!parsed.ok()) return Fail(parsed);
  // SIGINT and SIGTERM are taken by a waiting thread (below), never by a
  // handler, so that stopping the server happens outside signal context.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Status opened = context.Open(SqliteEventStore::Mode::read_only);
  if (!opened.ok()) return Fail(opened);
  std::string db_path = context.db_path;
  // The ledger's key signs the checkpoint it publishes; without one it publishes none.
  std::optional<SigningKey> key;
  if (auto loaded = LoadSigningKeyFile(context.SigningKeyPath()); loaded.ok()) {
    key.emplace(std::move(loaded).value());
  } else {
    std::fprintf(stderr, "ramstein: publishing no checkpoint (/api/v1/checkpoint answers 404): %s\n",
                 loaded.status().message().c_str());
  }
  LedgerService service(
      std::move(context.db), &context.clock,
      [db_path]() -> Result<StoreHead> {
        auto store = SqliteEventStore::Open(db_path, SqliteEventStore::Mode::read_only);
        if (!store.ok()) return store.status();
        return (*store)->Head();
      },
      std::move(key));
  auto web = StaticFiles::Load(web_dir);
  if (!web.ok()) std::fprintf(stderr, "ramstein: serving the API only: %s\n", web.status().message().c_str());
  HttpServer server(service, web.ok() ? &*web : nullptr);
  Status bound = server.Bind(host, port);
  if (!bound.ok()) return Fail(bound);
  std::printf("ramstein: serving %s (event %llu); open http://%s:%d/\n", context.db_path.c_str(),
              static_cast<unsigned long long>(service.sequence()), host.c_str(), server.port());
  std::fflush(stdout);
  std::thread stopper([&] {
    int received = 0;
    sigwait(&signals, &received);
    server.Stop();
  });
  server.Listen();
  // Listen() also returns when the server fails; wake the stopper either way.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return kExitOk;
}

}  // namespace ramstein
