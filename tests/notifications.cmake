# The notification inbox (issue 14): notices written with the change that causes them, paging,
# reading, preferences, one-click unsubscribe, German texts, chat batching and the organizers'
# join-request digests on the queue's clock, against the real server and PostgreSQL.
pudding_test(tst_notifications NEEDS_DB)
target_link_libraries(tst_notifications PRIVATE pudding-notifications pudding-db pudding-links)
