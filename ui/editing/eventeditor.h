#pragma once
// The dialog that adds or edits one event. It checks the input with the core's own
// validateEvent() and shows each error next to the field the error names; saving pushes an
// undo command (which writes to the store at once). Non-modal, so that the user can click the
// map to pick the location: pickLocationRequested() asks for it, setPickedLocation() answers.

#include "displayzone.h"
#include "event.h"
#include "result.h"

#include <QDialog>
#include <QHash>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace fa {

class ViewState;

class EventEditor : public QDialog {
    Q_OBJECT
public:
    explicit EventEditor(ViewState* state, QWidget* parent = nullptr);

    /// Fills the form. An event with a null id is added on save; otherwise it is updated.
    void setEvent(const Event& e);
    bool isNewEvent() const { return m_original.id.isNull(); }

    /// The event as the form currently describes it; a field that cannot be read (latitude
    /// "abc") is reported through *error with that field's name.
    Event formEvent(std::optional<Error>* error = nullptr) const;

    /// Validates and saves (add or edit command). On failure the error is shown next to its
    /// field and the dialog stays open. Returns the outcome.
    Status save();

    /// Shows message next to the field named by Error::field ("sources[1].url" -> the sources
    /// table); an unknown field shows it above the form.
    void showError(const Error& e);
    void clearErrors();
    /// The error text shown for a field ("" when none): for tests and accessibility.
    QString errorText(const QString& field) const;
    /// The input widget of a field (for tests and focus).
    QWidget* fieldWidget(const QString& field) const;
    /// The normalised key a field name maps to ("sources[2].url" -> "sources").
    static QString fieldKey(const QString& field);

public slots:
    void setPickedLocation(double lat, double lon);

signals:
    void pickLocationRequested();
    /// Saved successfully (the id of the added or edited event).
    void saved(const QUuid& id);

protected:
    void accept() override; ///< Save button: save(), close only on success

private:
    QLabel* addErrorLabel(const QString& key);
    void addRow(const QString& label, QWidget* field, const QString& key);
    void updateTimeFields();

    ViewState* m_state;
    Event m_original;
    DisplayZone m_zone; ///< the zone times are typed in, fixed while the dialog lives

    QFormLayout* m_form = nullptr;
    QLabel* m_generalError = nullptr;
    QHash<QString, QLabel*> m_errorLabels;
    QHash<QString, QWidget*> m_fields;

    QLineEdit* m_title = nullptr;
    QComboBox* m_family = nullptr;
    QComboBox* m_type = nullptr;
    QDateTimeEdit* m_start = nullptr;
    QComboBox* m_precision = nullptr;
    QCheckBox* m_hasEnd = nullptr;
    QDateTimeEdit* m_end = nullptr;
    QLineEdit* m_place = nullptr;
    QLineEdit* m_district = nullptr;
    QLineEdit* m_region = nullptr;
    QLineEdit* m_country = nullptr;
    QLineEdit* m_latitude = nullptr;
    QLineEdit* m_longitude = nullptr;
    QComboBox* m_coordPrecision = nullptr;
    QSpinBox* m_killed = nullptr;
    QSpinBox* m_injured = nullptr;
    QLineEdit* m_casualtyNote = nullptr;
    QPlainTextEdit* m_actors = nullptr;
    QPlainTextEdit* m_summary = nullptr;
    QComboBox* m_confidence = nullptr;
    QLineEdit* m_tags = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QTableWidget* m_sources = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace fa
