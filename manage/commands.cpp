#include "manage/commands.hpp"

#include <chrono>
#include <functional>

#include "manage/check_health.hpp"
#include "project/config.hpp"
#include "project/db/pool.hpp"
#include "project/db/schema.hpp"
#include "project/db/seed_users.hpp"
#include "project/db/user_statements.hpp"
#include "project/errors.hpp"
#include "project/integer.hpp"
#include "project/version.hpp"

namespace users::manage {
namespace {

constexpr const char* kUsage =
    "Usage: manage <command>\n"
    "   or: manage --help | --version\n"
    "\n"
    "Runs one administration command of the users service.\n"
    "\n"
    "Commands:\n"
    "  recreate_db   drop the tables and create them from the schema\n"
    "  seed_db       add the two seed users (running it again adds nothing)\n"
    "  check_health  GET /health/app on 127.0.0.1:$PORT (default 5000); exit 0\n"
    "                when healthy, 1 otherwise\n"
    "\n"
    "Options:\n"
    "  --help        show this message\n"
    "  --version     show the version and the git revision\n"
    "\n"
    "Environment:\n"
    "  Configuration comes from the environment, as for the server: APP_SETTINGS and\n"
    "  DATABASE_URL (DATABASE_TEST_URL when APP_SETTINGS=testing); check_health reads\n"
    "  only PORT. An unknown command or option exits 2, a failed command 1.\n";

std::vector<db::UserInput> seedUsers() {
    return {{"michael", "hermanmu@gmail.com"}, {"michaelherman", "michael@mherman.org"}};
}

void recreateDb(db::Pool& pool, std::ostream& out) {
    pool.run([](pqxx::connection& connection) { db::recreateSchema(connection); });
    out << "Recreated the users table.\n";
}

void seedDb(db::Pool& pool, std::ostream& out) {
    int added = 0;
    for (const auto& user : seedUsers()) added += db::createUnlessEmailTaken(pool, user) ? 1 : 0;
    if (added == 0) {
        out << "The seed users are already there: nothing added.\n";
    } else {
        out << "Added " << added << " seed user" << (added == 1 ? "" : "s") << ".\n";
    }
}

// Needs no database settings: a container health check runs it with the server's environment.
int checkHealth(const std::map<std::string, std::string>& env, std::ostream& out,
                std::ostream& err) {
    const auto setting = env.find("PORT");
    const std::string text =
        setting == env.end() || setting->second.empty() ? "5000" : setting->second;
    const auto port = parseInteger(text);
    if (!port || *port < 1 || *port > 65535) {
        err << "manage: PORT must be an integer from 1 to 65535, got '" << text << "'\n";
        return 1;  // a container health check knows only 0 and 1
    }
    if (!healthy(static_cast<std::uint16_t>(*port), "/health/app", std::chrono::seconds(3))) {
        err << "manage: unhealthy: no 200 from 127.0.0.1:" << *port << "/health/app\n";
        return 1;
    }
    out << "healthy\n";
    return 0;
}

}  // namespace

int run(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
        std::ostream& out, std::ostream& err) {
    if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
        out << kUsage;
        return 0;
    }
    if (args.size() == 1 && args[0] == "--version") {
        out << versionLine("manage") << "\n";
        return 0;
    }
    if (!args.empty() && args[0].size() > 1 && args[0][0] == '-') {
        err << "manage: unknown option '" << args[0] << "' (try manage --help)\n";
        return 2;
    }
    if (args.size() == 1 && args[0] == "check_health") return checkHealth(env, out, err);
    const std::map<std::string, std::function<void(db::Pool&, std::ostream&)>> commands = {
        {"recreate_db", recreateDb}, {"seed_db", seedDb}};
    auto command = args.size() == 1 ? commands.find(args[0]) : commands.end();
    if (command == commands.end()) {
        err << (args.empty() ? "manage: no command given\n"
                             : "manage: unknown command '" + args[0] + "'\n")
            << kUsage;
        return 2;
    }
    try {
        const Config config = Config::fromEnvironment(env);
        db::Pool pool(config.databaseUrl, 1, config.databaseTimeout, &db::prepareUserStatements);
        command->second(pool, out);
        return 0;
    } catch (const ConfigError& error) {
        err << "manage: configuration error: " << error.what() << "\n";
    } catch (const ServiceError& error) {
        err << "manage: cannot reach the database: " << error.what() << "\n";
    } catch (const pqxx::undefined_table&) {
        err << "manage: the users table does not exist; run 'manage recreate_db' first\n";
    } catch (const std::exception& error) {
        err << "manage: " << command->first << " failed: " << error.what() << "\n";
    }
    return 1;
}

}  // namespace users::manage
