#pragma once

#include <QString>

namespace taskloom::engine {

/// Why a run store operation failed; the code lets the CLI tell a typo in a run id from a broken database.
struct RunStoreError {
    enum class Code {
        Database,     ///< SQLite or the file system failed (message says how)
        SchemaTooNew, ///< runs.db was migrated by a newer Taskloom; this build refuses to touch it
        NotFound,     ///< no run has this id or id prefix
        Ambiguous,    ///< several runs start with this prefix (message lists some)
    };

    Code code = Code::Database;
    QString message;
};

} // namespace taskloom::engine
