#pragma once
// The details of the selected event: every field, its sources as links, times in the chosen zone
// (ViewState's; its box here is where the user picks it) with the Solar Hijri date beside them.
// Follows ViewState's selection and reloads after edits. Every string from the data is
// HTML-escaped, and only http/https sources ever open (in the system browser): an event is
// untrusted input, whether imported or typed.

#include "displayzone.h"
#include "event.h"

#include <QUrl>
#include <QUuid>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace fa {

class ViewState;

class DetailsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPanel(ViewState* state, QWidget* parent = nullptr);

    /// Shows an event directly (the selection normally drives this); nullopt clears.
    void displayEvent(const std::optional<Event>& e);
    std::optional<Event> currentEvent() const { return m_event; }

    /// What opens an http/https link; QDesktopServices::openUrl by default (tests replace it).
    void setUrlOpener(std::function<void(const QUrl&)> opener);
    /// True for the schemes we open (http, https); everything else is shown as text only.
    static bool isOpenableUrl(const QUrl& url);

    QString html() const { return m_html; }
    QString plainText() const;
    QTextBrowser* browser() const { return m_browser; }

public slots:
    void copyCoordinates(); ///< "lat, lon" to the clipboard

signals:
    void editRequested(const QUuid& id);
    void deleteRequested(const QUuid& id);

private:
    void reload();
    void render();
    void followZone(DisplayZone z);
    void openLink(const QUrl& url);
    QString buildHtml(const Event& e) const;

    ViewState* m_state;
    std::optional<Event> m_event;
    std::function<void(const QUrl&)> m_opener;
    QString m_html;

    QComboBox* m_zoneBox = nullptr;
    QTextBrowser* m_browser = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_zoom = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_delete = nullptr;
};

} // namespace fa
