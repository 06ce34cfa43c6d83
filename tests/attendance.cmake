# Joining with a photo, review, capacity under concurrency, waitlist and authorization.
pudding_test(tst_attendance NEEDS_DB)
target_link_libraries(tst_attendance PRIVATE Qt6::Gui)
