#pragma once

#include <QStringList>

namespace Moniagent {

// Splits an SQL script into statements, since QSqlQuery runs one statement at a time.
// Understands quotes, comments and CREATE TRIGGER … BEGIN … END bodies.
class SqlScript
{
public:
    static QStringList split(const QString& script);
};

} // namespace Moniagent
