#pragma once

// What the offscreen GUI tests share: screenshots for people to look at, waiting for the ledger to settle,
// and a session with one English (US) profile.

#include "itemmodels/transactionmodel.h"
#include "session/session.h"

#include <QCoreApplication>
#include <QDir>
#include <QTest>
#include <QWidget>

#include <memory>

namespace Moniagent::Test {

// Saves a picture of a widget when MONIAGENT_SCREENSHOT_DIR is set.
inline void screenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("MONIAGENT_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QCoreApplication::sendPostedEvents(); // pending layout requests, so the picture shows the current state
    widget->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

// Waits until the ledger model has its count and its first rows.
inline bool settled(TransactionModel* model)
{
    return QTest::qWaitFor(
        [&]() {
            if (model->isLoading())
                return false;
            for (int r = 0; r < std::min(model->rowCount(), 20); ++r) {
                if (!model->data(model->index(r, 0), TransactionModel::LoadedRole).toBool())
                    return false;
            }
            return true;
        },
        10000);
}

// Opens `path` with the profile "Sam" (USD, en_US) created and selected.
inline Result<std::unique_ptr<Session>> openSamSession(const QString& path, const Clock& clock)
{
    auto session = Session::open(path, clock);
    if (!session)
        return session.error();
    UserRepository::NewProfile profile;
    profile.username = QStringLiteral("Sam");
    profile.baseCurrency = QStringLiteral("USD");
    profile.locale = QStringLiteral("en_US");
    auto id = (*session)->users()->createProfile(profile);
    if (!id)
        return id.error();
    auto selected = (*session)->setUser(*id);
    if (!selected)
        return selected.error();
    return std::move(*session);
}

} // namespace Moniagent::Test
