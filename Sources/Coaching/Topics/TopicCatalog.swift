import CoachingContracts

/// The four coaching topics, as data.
package enum TopicCatalog {
    package static func definition(for topic: CoachingTopic) -> TopicDefinition {
        switch topic {
        case .coreValues: coreValues
        case .purpose: purpose
        case .vision: vision
        case .goals: goals
        }
    }

    static let coreValues = TopicDefinition(
        topic: .coreValues,
        title: "Core values",
        outcome: "three to seven core values, each named in a few words with one sentence on how it shows up in daily decisions",
        systemPrompt: """
            You are an experienced executive coach helping a business owner name the core values of their company. \
            Values are the few principles the owner will not trade away, even when it costs them; they are found in \
            real decisions and stories, not in slogans. Ask about moments of pride and of frustration, hard trade-offs, \
            and the people they most want to hire, and listen for the principle underneath.
            """,
        openingQuestion: "Think of a moment in your business that made you genuinely proud. What happened, and what did you do that you would do again?",
        phases: [
            PhaseGuide(phase: .introduction, objective: "Hear a concrete story from the owner's business and put them at ease.",
                       questions: [TopicQuestion("motivation", "What happened, and why did it matter so much to you?")]),
            PhaseGuide(phase: .exploration, objective: "Collect candidate values from several stories: decisions, trade-offs, hiring, frustrations.",
                       questions: [TopicQuestion("decisions", "When did you last turn down money or an easy option because it didn't feel right? What was at stake?"),
                                   TopicQuestion("aversion", "What behaviour in a team member frustrates you most, and what does that tell you about what you value?"),
                                   TopicQuestion("relationships", "If you could hire ten more people just like your best employee, which of their qualities would you be copying?")]),
            PhaseGuide(phase: .deepening, objective: "Test each candidate value: is it lived or only aspired to? Does it cost something?",
                       questions: [TopicQuestion("decisions", "Which of the values you've mentioned would you keep even if it made you less competitive for a while? Why that one?"),
                                   TopicQuestion("decisions", "Where in the business does that value show up today, in a decision someone made last week?"),
                                   TopicQuestion("aversion", "Which of these values have you seen someone break, and what did you do about it?")]),
            PhaseGuide(phase: .synthesis, objective: "Propose three to seven values, each with a short definition in the owner's own words.",
                       questions: [TopicQuestion("synthesis", "Here is how I would summarise your values so far. Which of these feel exactly right, and which need different words?")]),
            PhaseGuide(phase: .validation, objective: "Check the final list with the owner and adjust until they confirm it.",
                       questions: [TopicQuestion("validation", "If these values were printed on the wall tomorrow, would you stand behind every one? What would you change?")]),
        ]
    )

    static let purpose = TopicDefinition(
        topic: .purpose,
        title: "Purpose",
        outcome: "a one-sentence purpose statement: who the business serves, the change it makes for them, and why that matters to the owner",
        systemPrompt: """
            You are an experienced executive coach helping a business owner put their company's purpose into words. \
            Purpose is why the business exists beyond making money: the difference it makes for the people it serves, \
            and why that difference matters to the owner personally. Look for it in the origin story, in the customers \
            the owner remembers, and in what would be lost if the business disappeared.
            """,
        openingQuestion: "Why did you start this business, or take it on? What were you hoping would be different because it exists?",
        phases: [
            PhaseGuide(phase: .introduction, objective: "Hear the origin story and what drew the owner to this work.",
                       questions: [TopicQuestion("origin", "What drew you to this particular kind of work rather than any other?")]),
            PhaseGuide(phase: .exploration, objective: "Find who the business serves and the change it makes in their lives or work.",
                       questions: [TopicQuestion("impact", "Think of a customer whose situation you really changed. What was different for them afterwards?"),
                                   TopicQuestion("customers", "If your business closed tomorrow, who would miss it most, and what exactly would they miss?"),
                                   TopicQuestion("customers", "Who are the people you most love serving, and what do they have in common?")]),
            PhaseGuide(phase: .deepening, objective: "Connect that change to what matters to the owner personally; go below the first answer.",
                       questions: [TopicQuestion("meaning", "Why does that change matter to you personally? What's underneath it?"),
                                   TopicQuestion("meaning", "What would you keep doing even if this business made only a modest profit?"),
                                   TopicQuestion("origin", "Looking back at why you started, what has stayed the same through all the changes?")]),
            PhaseGuide(phase: .synthesis, objective: "Draft a one-sentence purpose statement from the owner's own words.",
                       questions: [TopicQuestion("synthesis", "Here is a first draft of your purpose. What rings true, and what doesn't yet sound like you?")]),
            PhaseGuide(phase: .validation, objective: "Refine the statement until the owner says it is theirs.",
                       questions: [TopicQuestion("validation", "Could you say this sentence to your team and your best customer without wincing? What would you adjust?")]),
        ]
    )

    static let vision = TopicDefinition(
        topic: .vision,
        title: "Vision",
        outcome: "a vivid description of the business three to five years out: what it does, for whom, how it feels to work there, and two or three measurable markers",
        systemPrompt: """
            You are an experienced executive coach helping a business owner describe a compelling vision for their \
            company three to five years from now. A good vision is concrete enough to picture and to measure, ambitious \
            but believable, and rooted in the owner's values and purpose. Help the owner see it in detail: customers, \
            team, offer, reputation, and a few numbers that would prove it happened.
            """,
        openingQuestion: "Imagine it is five years from now and things have gone better than you dared hope. What do you see when you walk into your business?",
        phases: [
            PhaseGuide(phase: .introduction, objective: "Invite the owner to picture a successful future in concrete detail.",
                       questions: [TopicQuestion("future", "What are people doing, and how does it feel to be there?")]),
            PhaseGuide(phase: .exploration, objective: "Fill in the picture: customers, offer, team, reputation, scale.",
                       questions: [TopicQuestion("customers", "Who are your customers in that future, and what do they say about you to others?"),
                                   TopicQuestion("team", "What does your team look like then, and what are they proud of?"),
                                   TopicQuestion("future", "What will your business be known for then, in your town or your industry?")]),
            PhaseGuide(phase: .deepening, objective: "Make it measurable and test its ambition against today's reality and goals.",
                       questions: [TopicQuestion("measures", "Which two or three numbers would tell you, without doubt, that this vision has come true?"),
                                   TopicQuestion("milestones", "What would have to be true a year from now for that future to be on track?"),
                                   TopicQuestion("milestones", "What would you have to stop doing today to get there?")]),
            PhaseGuide(phase: .synthesis, objective: "Write the vision as a short, vivid paragraph with its markers.",
                       questions: [TopicQuestion("synthesis", "Here is your vision as I have heard it. Does it make you want to get started tomorrow? What's missing?")]),
            PhaseGuide(phase: .validation, objective: "Adjust the paragraph until the owner confirms it.",
                       questions: [TopicQuestion("validation", "Is this a future your team would sign up for, too? What would you change before sharing it?")]),
        ]
    )

    static let goals = TopicDefinition(
        topic: .goals,
        title: "Goals",
        outcome: "one to three goals for the next twelve months, each specific and measurable, with a first action and a date",
        systemPrompt: """
            You are an experienced executive coach helping a business owner set and sharpen goals for the next year. \
            Good goals are few, specific, measurable and tied to the owner's vision; each has an owner, a date and a \
            first step. Use the owner's current goals, KPIs and recent actions to ask about what is on track, what is \
            behind and why, and what would make the biggest difference.
            """,
        openingQuestion: "Looking at the next twelve months, what is the one result that would make the biggest difference to your business?",
        phases: [
            PhaseGuide(phase: .introduction, objective: "Surface the result that matters most to the owner this year.",
                       questions: [TopicQuestion("priorities", "Why does that result matter so much right now?")]),
            PhaseGuide(phase: .exploration, objective: "Review current goals and KPIs: what is on track, what is behind, and why.",
                       questions: [TopicQuestion("obstacles", "Which of your current goals is furthest behind, and what has been getting in the way?"),
                                   TopicQuestion("measures", "Which number in your business, if it moved, would pull the others along with it?"),
                                   TopicQuestion("priorities", "If you could achieve only one thing this year, which would it be, and why that one?")]),
            PhaseGuide(phase: .deepening, objective: "Make one to three goals specific: a measure, a target, a date, an owner.",
                       questions: [TopicQuestion("measures", "How would you measure that goal, and what number by what date would count as success?"),
                                   TopicQuestion("ownership", "Who owns this goal day to day, and what could stop them?"),
                                   TopicQuestion("ownership", "What is the very first step, and who will take it this week?")]),
            PhaseGuide(phase: .synthesis, objective: "Write the goals down with their measures, dates and first actions.",
                       questions: [TopicQuestion("synthesis", "Here are your goals as I understand them. Is each one specific enough that you'll know in a year whether you hit it?")]),
            PhaseGuide(phase: .validation, objective: "Confirm the goals and the first action for each, this week.",
                       questions: [TopicQuestion("validation", "What is the very first step for each goal, and can it happen this week? Shall we lock these in?")]),
        ]
    )
}
