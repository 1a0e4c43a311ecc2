import Coaching
import CoachingContracts

extension Endpoints {
    func session(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let id = try context.pathID("id", as: "session_id")
        let session = try perform { () throws(CoachingError) in try service.session(caller, sessionID: id, deadline: context.deadline) }
        return try coder.success(200, WireMapping.session(session))
    }

    func listSessions(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let query = try context.listQuery()
        let page = try perform { () throws(CoachingError) in
            try service.sessions(caller, page: PageRequest(limit: query.limit, cursor: query.cursor), deadline: context.deadline)
        }
        return try coder.success(200, ListPage(items: page.items.map(WireMapping.session), nextCursor: page.nextCursor))
    }
}
