#pragma once
// Paged collections ({"value": [...], "nextLink": "..."}) walked item by item, one page in memory
// at a time. Client's list calls return them; nothing is sent before the first next().

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "api/page_text.hpp"
#include "api/transport.hpp"
#include "model/job.hpp"

namespace iotc::api {

// What a RawPager needs of the client that made it, and no more: the Client implements it
// privately, so that paging reaches neither its other members nor its requests.
class PageSource {
 public:
  virtual ~PageSource() = default;
  // GETs `url` (retries, deadline and errors as for every call) and returns the request as sent
  // and its 2xx answer. `what` names the listing in messages.
  virtual std::pair<Request, Response> get_page(const std::string& url, std::string_view what) = 0;
  // The URL to fetch for a page's nextLink (next_link.hpp); throws for a foreign one.
  virtual std::string next_page_url(std::string_view next_link) const = 0;
  // The most pages one listing follows (defaults::kMaxPages unless a test lowers it).
  virtual int max_pages() const = 0;
  // Waits before following an empty page's link.
  virtual void pause(std::chrono::milliseconds duration) = 0;
};

// An item as the service sent it (`raw`) and as the model reads it (`value`).
template <typename T>
struct Item {
  T value;
  model::Json raw;
};

// Walks a paged collection page by page: one page in memory at a time, whatever the total.
class RawPager {
 public:
  RawPager(PageSource& source, std::string first_url, std::string what);
  // The next item's JSON, fetching the next page when needed; nullopt after the last item.
  std::optional<model::Json> next();
  // The next item as compact JSON text (what model::Json::dump() writes for it), read without a
  // DOM; valid until the next call. Pages fetched for next_text() are not parsed into a DOM.
  std::optional<std::string_view> next_text();
  int pages_fetched() const { return pages_fetched_; }
  // Every item of the page in hand has been taken: the next call fetches (or ends).
  bool page_done() const {
    return index_ >= (text_page_ ? page_text_.size() : page_items_.size());
  }

 private:
  bool advance(bool as_text);  // false after the last item
  void fetch(bool as_text);
  PageSource* source_;
  std::optional<std::string> next_url_;   // checked, ready to fetch
  std::optional<std::string> next_link_;  // as the service sent it, checked before fetching
  std::string what_;
  bool text_page_ = false;  // the page in hand is in page_text_, else in page_items_
  model::Json page_items_ = model::Json::array();
  PageText page_text_;
  std::string item_text_;  // next_text() of an item of a DOM page
  std::size_t index_ = 0;
  int pages_fetched_ = 0;
  // Paging always ends (defaults::kMaxPages): the links followed, and the empty pages in a row.
  std::unordered_set<std::uint64_t> links_followed_;
  int empty_pages_in_a_row_ = 0;
};

template <typename T>
class Pager {
 public:
  using Reader = T (*)(const model::Json&);
  Pager(RawPager raw, Reader read) : raw_(std::move(raw)), read_(read) {}
  std::optional<Item<T>> next() {
    std::optional<model::Json> json = raw_.next();
    if (!json) return std::nullopt;
    T value = read_(*json);
    return Item<T>{std::move(value), std::move(*json)};
  }
  // The next item's compact JSON text without the typed read: for output that passes items
  // through (RawPager::next_text).
  std::optional<std::string_view> next_text() { return raw_.next_text(); }
  int pages_fetched() const { return raw_.pages_fetched(); }
  bool page_done() const { return raw_.page_done(); }

 private:
  RawPager raw_;
  Reader read_;
};

}  // namespace iotc::api
