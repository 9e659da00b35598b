# taskloom_target(<target>): project-wide compile settings for a target of ours.
function(taskloom_target target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endfunction()

# Qt's headers are big; every library of ours shares one precompiled set.
function(taskloom_qt_pch target)
  target_precompile_headers(${target} PRIVATE
    <QString> <QByteArray> <QList> <QHash> <QStringList> <QDateTime> <QFile> <QDir>
    <memory> <vector> <functional> <optional> <variant> <expected>)
endfunction()
