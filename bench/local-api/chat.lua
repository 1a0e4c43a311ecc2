-- wrk script: POST /api/v1/coaching/chat with a Bearer token from the TOKEN
-- environment variable. No conversation_id: every request starts a new
-- conversation, so each one is a full coaching turn (offline coach) and a store write.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"message":"Our team keeps debating what we stand for. Where do we start?","topic":"core_values",'
  .. '"business_context":{"tenant":{"id":"bench-tenant","company":"Acme Outdoor Gear","industry":"Retail"},'
  .. '"goals":[{"id":"goal_101","title":"Grow online revenue","status":"in_progress","target_value":500000,"current_value":310000}]}}'
