//! The kinds of record the team keeps: one word for each, whether a command, the audit log,
//! a file or a watch speaks of it.

/// A kind of record. `ALL` is in the order an import applies them: later kinds refer to
/// earlier ones by name or number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    Official,
    Visit,
    Forum,
    Meeting,
    Outcome,
}

impl Entity {
    pub const ALL: [Entity; 5] = [
        Entity::Official,
        Entity::Visit,
        Entity::Forum,
        Entity::Meeting,
        Entity::Outcome,
    ];

    /// "visit": one record of this kind, as the audit log and messages name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Visit => "visit",
            Entity::Meeting => "meeting",
            Entity::Forum => "forum",
            Entity::Official => "official",
            Entity::Outcome => "outcome",
        }
    }

    /// "visits": the records of this kind, as files and exports name them.
    pub fn plural(self) -> &'static str {
        match self {
            Entity::Visit => "visits",
            Entity::Meeting => "meetings",
            Entity::Forum => "forums",
            Entity::Official => "officials",
            Entity::Outcome => "outcomes",
        }
    }

    /// The kind a word names, singular (`visit`) or plural (`visits`).
    pub fn parse(s: &str) -> Option<Entity> {
        Entity::ALL
            .into_iter()
            .find(|e| e.as_str() == s || e.plural() == s)
    }

    /// The kind a plural names (`visits`): a file's section.
    pub fn from_plural(s: &str) -> Option<Entity> {
        Entity::ALL.into_iter().find(|e| e.plural() == s)
    }
}
