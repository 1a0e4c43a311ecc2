import CoachingContracts

/// Owners' turns for one conversation per topic, ending in a confirmation,
/// with a change asked for in words on the way (an owner of a bakery).
enum ScriptedConversations {
    static func script(for topic: CoachingTopic) -> [String] {
        switch topic {
        case .coreValues: coreValues
        case .purpose: purpose
        case .vision: vision
        case .goals: goals
        }
    }

    static let coreValues = [
        "We stayed open through the flood and fed the whole street for free, because helping our neighbours mattered more than profit.",
        "I turned down a supermarket contract because they wanted us to lie about where our flour comes from. Being honest with customers is not negotiable.",
        "What frustrates me most is people who cut corners on the dough and hide it. We are transparent about mistakes.",
        "My best baker teaches the apprentices every morning; I would copy how she helps everyone learn.",
        "We would keep paying fair wages even if it made us less competitive. Our team is like a family.",
        "Last week a baker threw out a whole batch because it was not good enough, and nobody argued. We aim for excellence in every loaf.",
        "We keep learning new recipes and improving our craft each season.",
        "Honesty, helping our community and growing our skills are what I would print on the wall.",
        "Change the second value to Craft",
        "Looks right to me.",
    ]

    static let purpose = [
        "I started the bakery because my town had lost its last place to buy real bread.",
        "We help busy families eat real food without spending hours in the kitchen.",
        "A mother told me our school lunch bags meant her kids finally ate vegetables.",
        "If we closed, the early shift workers at the hospital would lose their breakfast stop.",
        "It matters to me because my grandmother fed the whole village during hard years.",
        "I would keep baking even for a modest profit, because feeding people well is what I do.",
        "Our customers are families, nurses and the neighbours who walk by every morning.",
        "In short: good bread for ordinary people, every single day.",
        "Write it as one sentence for me",
        "Perfect",
    ]

    static let vision = [
        "In five years we will run three shops and a small training kitchen.",
        "People are learning to bake, and the smell of bread reaches the whole street.",
        "Our customers tell their friends we are the best bakery in the region.",
        "The team is twenty people, and every baker has an apprentice.",
        "We will be known for bread that is local and honest.",
        "Revenue of 2 million a year and 500 regular customers would prove it.",
        "A year from now the second shop must be open and profitable.",
        "By 2031 I want to hand daily running to the team.",
        "What is missing?",
        "It doesn't sound like me yet.",
        "That's it.",
    ]

    static let goals = [
        "Grow monthly revenue from 62,000 to 100,000 by December 2027.",
        "Revenue matters because we want to pay the team better.",
        "The loyalty card launch is behind and it is holding back repeat visits.",
        "Customer retention, if it moved from 72% to 85%, would pull everything else along.",
        "Hire a head baker by March 2027 so I can step out of the kitchen.",
        "We measure success by monthly revenue and retention each month.",
        "Marta owns the loyalty card; the risk is her time.",
        "The first step this week is to call three suppliers about wholesale prices.",
        "No, change it: two goals only",
        "Yes",
    ]
}
