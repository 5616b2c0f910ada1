#include "categorizationstaterepository.h"

#include "database.h"
#include "sql.h"

#include <cmath>

namespace Moniagent {

CategorizationStateRepository::CategorizationStateRepository(Database* database)
    : m_database(database)
{ }

Result<void> CategorizationStateRepository::validate(const CategorizationSettings& settings)
{
    if (!std::isfinite(settings.autoApplyThreshold) || settings.autoApplyThreshold < 0.5
        || settings.autoApplyThreshold > 1.0)
        return Error::invalidInput(tr("The confidence for applying a category automatically must be between 50 % "
                                      "and 100 %."));
    if (settings.learnRuleAfter < 1 || settings.learnRuleAfter > 100)
        return Error::invalidInput(tr("The number of corrections before a rule is learned must be between 1 and "
                                      "100."));
    return {};
}

Result<CategorizationSettings> CategorizationStateRepository::settings(qint64 userId) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT auto_apply_threshold, learn_rule_after, use_llm "
                                          "FROM categorization_settings WHERE user_id = ?"),
                           {userId});
    if (!query)
        return query.error();
    CategorizationSettings settings;
    if (query->next()) {
        settings.autoApplyThreshold = query->value(0).toDouble();
        settings.learnRuleAfter = query->value(1).toInt();
        settings.useLlm = query->value(2).toInt() != 0;
    }
    return settings;
}

Result<void> CategorizationStateRepository::saveSettings(qint64 userId, const CategorizationSettings& settings)
{
    auto valid = validate(settings);
    if (!valid)
        return valid;
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("INSERT INTO categorization_settings (user_id, auto_apply_threshold, learn_rule_after, use_llm) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                       "auto_apply_threshold = excluded.auto_apply_threshold, "
                       "learn_rule_after = excluded.learn_rule_after, use_llm = excluded.use_llm, "
                       "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"),
        {userId, settings.autoApplyThreshold, settings.learnRuleAfter, settings.useLlm ? 1 : 0});
    if (!result)
        return result.error();
    return {};
}

Result<std::optional<StoredCategorizationModel>> CategorizationStateRepository::model(qint64 userId) const
{
    auto query = Sql::exec(m_database->connection(),
                           QStringLiteral("SELECT format_version, data, example_count, feedback_id, ledger_rows "
                                          "FROM categorization_models WHERE user_id = ?"),
                           {userId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<StoredCategorizationModel>();
    StoredCategorizationModel model;
    model.formatVersion = query->value(0).toInt();
    model.data = query->value(1).toByteArray();
    model.exampleCount = query->value(2).toLongLong();
    model.feedbackId = query->value(3).toLongLong();
    model.ledgerRows = query->value(4).toLongLong();
    return std::optional<StoredCategorizationModel>(std::move(model));
}

Result<void> CategorizationStateRepository::saveModel(qint64 userId, const StoredCategorizationModel& model)
{
    if (model.formatVersion <= 0 || model.exampleCount < 0)
        return Error::invalidInput(tr("The categorization model to save is not valid."));
    auto result = Sql::exec(
        m_database->connection(),
        QStringLiteral("INSERT INTO categorization_models (user_id, format_version, data, example_count, feedback_id, "
                       "ledger_rows) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                       "format_version = excluded.format_version, data = excluded.data, "
                       "example_count = excluded.example_count, feedback_id = excluded.feedback_id, "
                       "ledger_rows = excluded.ledger_rows, "
                       "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"),
        {userId, model.formatVersion, model.data, model.exampleCount, model.feedbackId, model.ledgerRows});
    if (!result)
        return result.error();
    return {};
}

Result<void> CategorizationStateRepository::removeModel(qint64 userId)
{
    auto result = Sql::exec(m_database->connection(),
                            QStringLiteral("DELETE FROM categorization_models WHERE user_id = ?"), {userId});
    if (!result)
        return result.error();
    return {};
}

} // namespace Moniagent
