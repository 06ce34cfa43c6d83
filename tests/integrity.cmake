# Issue 11: nothing acknowledged is lost, nothing private leaks. Every write endpoint with the
# text rule and injected faults (tst_integrity); location privacy against search (tst_privacy).
pudding_test(tst_integrity NEEDS_DB)
target_link_libraries(tst_integrity PRIVATE Qt6::Gui Qt6::Sql)
pudding_test(tst_privacy NEEDS_DB)
target_link_libraries(tst_privacy PRIVATE Qt6::Sql)
