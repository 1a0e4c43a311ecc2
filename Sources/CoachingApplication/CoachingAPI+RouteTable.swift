import Coaching
import CoachingHandlers
import CoachingStorage
import Essentials
import LambdaRuntime

extension CoachingAPI {
    /// The routes every ``CoachingAPI`` serves, read from a router built
    /// with throwaway dependencies: for `bootstrap routes` and the check
    /// that docs/openapi.yaml documents exactly these.
    package static var routeTable: [(method: String, pattern: String)] {
        let service = CoachingService(store: InMemoryConversationStore(), coach: OfflineCoach())
        return CoachingAPI(dependencies: HandlerDependencies(service: service, identity: IdentityResolver(verifier: nil))).routes
    }
}
